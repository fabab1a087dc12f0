// Benchmark: verification per request inside Cloudflare's workerd (Miniflare),
// jwtlens (wasm arithmetic: the Workers entry) against jose (WebCrypto, which
// workerd implements natively) in the same Worker, for HS256, RS256, ES256 and
// EdDSA, each doing the checks a server sets: algorithm allow-list, issuer,
// audience, exp/nbf against the clock.
//
//   bash scripts/build-npm.sh && node tests/bench/workerd.bench.mjs
//
// Workers freeze their clocks while a request runs, so the time is taken
// outside: one request runs N verifications, and per-verification time is
// (time(N) - time(0)) / N, medians over interleaved rounds. No timing is
// asserted anywhere.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync, cpSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { SignJWT, generateKeyPair, exportJWK } from "jose";

const here = dirname(fileURLToPath(import.meta.url));
const pkg = join(here, "../../crates/jwtlens-wasm/pkg");
const N = Number(process.env.N ?? 300);
const ROUNDS = Number(process.env.ROUNDS ?? 7);
const NOW = Math.floor(Date.now() / 1000);
const ISS = "https://issuer.example";
const AUD = "api";
const ALGS = ["HS256", "RS256", "ES256", "EdDSA"];

const fixtures = {};
for (const alg of ALGS) {
  const claims = { iss: ISS, aud: AUD, sub: "ada", scope: "read write", iat: NOW, nbf: NOW - 5, exp: NOW + 3600 };
  if (alg === "HS256") {
    const secret = "an-hmac-secret-that-is-32-bytes!";
    const token = await new SignJWT(claims).setProtectedHeader({ alg }).sign(new TextEncoder().encode(secret));
    fixtures[alg] = { token, secret };
  } else {
    const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true, crv: alg === "EdDSA" ? "Ed25519" : undefined });
    const token = await new SignJWT(claims).setProtectedHeader({ alg }).sign(privateKey);
    fixtures[alg] = { token, jwk: { ...(await exportJWK(publicKey)), alg } };
  }
}

const worker = `import { createVerifier, importKey } from "jwtlens";
import { jwtVerify, importJWK } from "jose";
const F = ${JSON.stringify(fixtures)};
const policy = (alg) => ({ algorithms: [alg], issuer: ${JSON.stringify(ISS)}, audience: ${JSON.stringify(AUD)} });
const jwtlens = {}, jose = {};
export default {
  async fetch(request) {
    const u = new URL(request.url);
    const alg = u.searchParams.get("alg"), lib = u.searchParams.get("lib"), n = Number(u.searchParams.get("n"));
    const f = F[alg];
    if (lib === "jwtlens") {
      const verify = (jwtlens[alg] ??= createVerifier({ key: importKey(f.secret ?? JSON.stringify(f.jwk)), policy: policy(alg) }));
      // HMAC synchronously (the core's); RSA/ECDSA/EdDSA through workerd's WebCrypto (verifyAsync).
      for (let i = 0; i < n; i++) {
        const v = f.secret ? verify(f.token) : await verify.verifyAsync(f.token);
        if (!v.valid) return new Response("jwtlens: " + v.message, { status: 500 });
      }
    } else {
      const key = (jose[alg] ??= f.secret ? new TextEncoder().encode(f.secret) : await importJWK(f.jwk, alg));
      const options = { algorithms: [alg], issuer: ${JSON.stringify(ISS)}, audience: ${JSON.stringify(AUD)} };
      for (let i = 0; i < n; i++) await jwtVerify(f.token, key, options);
    }
    return new Response("ok");
  },
};
`;

const dir = mkdtempSync(join(tmpdir(), "jwtlens-workerd-bench-"));
mkdirSync(join(dir, "node_modules"), { recursive: true });
cpSync(pkg, join(dir, "node_modules/jwtlens"), { recursive: true });
cpSync(join(here, "../node_modules/jose"), join(dir, "node_modules/jose"), { recursive: true });
writeFileSync(join(dir, "worker.js"), worker);
const out = join(dir, "dist");
execFileSync(join(here, "../node_modules/.bin/esbuild"), [
  "worker.js", "--bundle", "--format=esm", "--platform=neutral", "--main-fields=module,main",
  "--conditions=workerd,worker,browser", "--loader:.wasm=copy", `--outdir=${out}`,
], { cwd: dir, stdio: "inherit" });

const { Miniflare } = await import(pathToFileURL(join(here, "../node_modules/miniflare/dist/src/index.js")).href);
const mf = new Miniflare({
  modules: true,
  scriptPath: join(out, "worker.js"),
  modulesRoot: out,
  modulesRules: [{ type: "ESModule", include: ["**/*.js"] }, { type: "CompiledWasm", include: ["**/*.wasm"] }],
  compatibilityDate: "2025-01-01",
});

async function timed(lib, alg, n) {
  const t = performance.now();
  const res = await mf.dispatchFetch(`http://bench/?lib=${lib}&alg=${alg}&n=${n}`);
  const body = await res.text();
  if (res.status !== 200) throw new Error(body);
  return performance.now() - t;
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

console.log(`workerd (Miniflare ${(await import(pathToFileURL(join(here, "../node_modules/miniflare/package.json")).href, { with: { type: "json" } })).default.version}), ${N} verifications per request, ${ROUNDS} rounds`);
console.log("| alg | jwtlens µs/verification | jose µs/verification | jwtlens / jose (time) |");
console.log("|---|---|---|---|");
for (const alg of ALGS) {
  for (const lib of ["jwtlens", "jose"]) await timed(lib, alg, N); // warm up (key import, tables, JIT)
  const per = { jwtlens: [], jose: [] };
  for (let r = 0; r < ROUNDS; r++) {
    for (const lib of r % 2 ? ["jose", "jwtlens"] : ["jwtlens", "jose"]) {
      const empty = await timed(lib, alg, 0);
      per[lib].push(((await timed(lib, alg, N)) - empty) * 1000 / N);
    }
  }
  const a = median(per.jwtlens), b = median(per.jose);
  console.log(`| ${alg} | ${a.toFixed(1)} | ${b.toFixed(1)} | ${(a / b).toFixed(2)} |`);
}
await mf.dispose();
