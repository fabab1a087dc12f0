// The packed package in every runtime and bundler it claims, each running the
// examples in examples/ the way a user would: Node (http middleware), Deno
// (no permission flags), Bun, Cloudflare's workerd (through Miniflare, after
// bundling with the conditions wrangler uses), esbuild bundles for Node; plus
// publint and `attw --profile esm-only` on the package; `jwtlens/sd-jwt` in Deno and Bun; ES256K,
// whose arithmetic is a wasm of its own loaded only where the platform has no
// secp256k1, in each runtime. Browser bundles and the service worker are in
// tests/browser/bundlers.test.mjs.
//
// Tokens are signed here with node:crypto, not with jwtlens. Their times (iat
// 2023, exp 2100; the expired one 2001) give the same verdicts for any clock
// between those years.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createHmac, createPrivateKey, generateKeyPairSync, sign as cryptoSign } from "node:crypto";
import { install, pkgDir } from "./install.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "../..");
const bin = (name) => join(here, "../node_modules/.bin", name);

// The Bun binary: its postinstall links it into .bin; if install scripts were
// skipped, the platform package still holds it.
function bunPath() {
  const linked = join(here, "../node_modules/bun/bin/bun.exe");
  if (existsSync(linked)) return linked;
  return join(here, "../node_modules/@oven/bun-linux-x64/bin/bun");
}

const ISSUER = "https://issuer.example";
const AUDIENCE = "api";
const b64 = (x) => Buffer.from(typeof x === "string" ? x : JSON.stringify(x)).toString("base64url");

const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 });
const ec = generateKeyPairSync("ec", { namedCurve: "P-256" });
const jwks = JSON.stringify({
  keys: [
    { ...rsa.publicKey.export({ format: "jwk" }), kid: "rsa-1", alg: "RS256", use: "sig" },
    { ...ec.publicKey.export({ format: "jwk" }), kid: "ec-1", alg: "ES256", use: "sig" },
  ],
});

function jws(header, claims, signer) {
  const input = `${b64(header)}.${b64(claims)}`;
  return `${input}.${signer(Buffer.from(input)).toString("base64url")}`;
}
const rs256 = (claims, kid = "rsa-1") => jws({ alg: "RS256", typ: "JWT", kid }, claims, (d) => cryptoSign("sha256", d, rsa.privateKey));
const es256 = (claims) =>
  jws({ alg: "ES256", typ: "JWT", kid: "ec-1" }, claims, (d) => cryptoSign("sha256", d, { key: ec.privateKey, dsaEncoding: "ieee-p1363" }));
const good = { iss: ISSUER, aud: AUDIENCE, sub: "ada", iat: 1_700_000_000, exp: 4_102_444_800 };
const rsaPem = rsa.publicKey.export({ type: "spki", format: "pem" });

/** [name, Authorization header, expected HTTP status, expected body fields]. */
export const CASES = [
  ["RS256 from the issuer", `Bearer ${rs256(good)}`, 200, { hello: "ada" }],
  ["ES256 from the issuer", `Bearer ${es256({ ...good, sub: "grace" })}`, 200, { hello: "grace" }],
  ["no token", undefined, 401, { error: "malformed" }],
  ["expired (2001)", `Bearer ${rs256({ ...good, exp: 1_000_000_000 })}`, 401, { error: "claims_fail" }],
  ["another audience", `Bearer ${rs256({ ...good, aud: "billing" })}`, 401, { error: "claims_fail" }],
  ["another issuer", `Bearer ${rs256({ ...good, iss: "https://evil.example" })}`, 401, { error: "claims_fail" }],
  ["alg none", `Bearer ${b64({ alg: "none" })}.${b64(good)}.`, 401, { error: "unsecured" }],
  [
    "HS256 keyed with the RSA public key (key confusion)",
    `Bearer ${jws({ alg: "HS256", kid: "rsa-1" }, good, (d) => createHmac("sha256", rsaPem).update(d).digest())}`,
    401,
    {},
  ],
  ["no exp: valid forever is refused", `Bearer ${rs256({ iss: ISSUER, aud: AUDIENCE, sub: "ada", iat: 1_700_000_000 })}`, 401, { error: "claims_fail" }],
  ["payload changed after signing", `Bearer ${rs256(good).replace(/\.[^.]+\./, `.${b64({ ...good, sub: "root" })}.`)}`, 401, { error: "invalid_signature" }],
];

// A script run in each runtime: import the example, send every case through it, print the results.
function casesModule() {
  return `export const jwks = ${JSON.stringify(jwks)};
export const cases = ${JSON.stringify(CASES.map(([name, auth]) => ({ name, auth })))};
export async function run(handle) {
  const out = [];
  for (const c of cases) {
    const headers = c.auth ? { Authorization: c.auth } : {};
    const res = await handle(new Request("http://example.test/", { headers }));
    out.push({ name: c.name, status: res.status, body: await res.json(), challenge: res.status === 401 ? res.headers.get("www-authenticate") : null });
  }
  return out;
}
`;
}

function check(results, where) {
  assert.equal(results.length, CASES.length, where);
  for (const [i, [name, , status, body]] of CASES.entries()) {
    const r = results[i];
    assert.equal(r.name, name);
    assert.equal(r.status, status, `${where}, ${name}: ${JSON.stringify(r.body)}`);
    if (status === 401) assert.equal(r.challenge, 'Bearer error="invalid_token"', `${where}, ${name}: the 401 names the scheme`);
    for (const [k, v] of Object.entries(body)) assert.equal(r.body[k], v, `${where}, ${name}: ${JSON.stringify(r.body)}`);
  }
}

// A script for a runtime: the RFC 9901 presentation verified through
// `jwtlens/sd-jwt` with a key imported by `jwtlens` (two wasm modules, one key).
// The texts are inlined, so Deno needs no permission to read them.
function sdJwtModule() {
  const sd = (f) => readFileSync(join(here, "../vectors/sd-jwt", f), "utf8");
  return `import { importKey } from "jwtlens";
import { verifySdJwtAsync, decodeSdJwt } from "jwtlens/sd-jwt";
const text = ${JSON.stringify(sd("rfc9901/simple/presentation.txt"))};
const key = importKey(${JSON.stringify(sd("keys/issuer.public.jwk.json"))});
const r = await verifySdJwtAsync(text, key, { now: 1748537243, keyBinding: { required: true, nonce: "1234567890", audience: "https://verifier.example.org" } });
const tampered = await verifySdJwtAsync(text.replace(/~[^~]+~/, "~"), key, { now: 1748537243 });
console.log(JSON.stringify({ status: r.status, tampered: tampered.status, disclosures: decodeSdJwt(text).disclosures.length }));
`;
}
const SD_JWT_RESULT = { status: "valid", tampered: "invalid", disclosures: 4 };

// ES256K (RFC 8812), signed by node:crypto: its arithmetic is OpenSSL's in Node,
// the ES256K wasm's elsewhere (WebCrypto and Bun's BoringSSL have no secp256k1).
const k1 = generateKeyPairSync("ec", { namedCurve: "secp256k1" });
const es256kToken = jws({ alg: "ES256K", typ: "JWT" }, good, (d) => cryptoSign("sha256", d, { key: k1.privateKey, dsaEncoding: "ieee-p1363" }));
const es256kChanged = es256kToken.replace(/\.[^.]+\./, `.${b64({ ...good, sub: "root" })}.`);
// A module body each runtime runs: the verdicts, synchronous and asynchronous.
function es256kBody() {
  return `import { importKey, verify, verifyAsync } from "jwtlens";
const key = importKey(${JSON.stringify(JSON.stringify(k1.publicKey.export({ format: "jwk" })))});
const options = { now: 1900000000, policy: { algorithms: ["ES256K"], issuer: ${JSON.stringify(ISSUER)}, audience: ${JSON.stringify(AUDIENCE)} } };
export async function es256k() {
  return {
    arithmetic: key.arithmetic,
    sync: verify(${JSON.stringify(es256kToken)}, key, options).verdict.status,
    async: (await verifyAsync(${JSON.stringify(es256kToken)}, key, options)).verdict.status,
    changed: (await verifyAsync(${JSON.stringify(es256kChanged)}, key, options)).verdict.status,
  };
}
`;
}
// Synchronously only where the platform's arithmetic is synchronous (Node, Bun);
// with WebCrypto (Deno, workerd) every public-key check is asynchronous, ES256K's too.
const ES256K_SYNC = { arithmetic: "platform", sync: "valid", async: "valid", changed: "invalid_signature" };
const ES256K_WEBCRYPTO = { arithmetic: "webcrypto", sync: "unchecked", async: "valid", changed: "invalid_signature" };

let scratch;
before(() => {
  scratch = install().scratch;
  cpSync(join(root, "examples"), join(scratch, "examples"), { recursive: true });
  writeFileSync(join(scratch, "cases.mjs"), casesModule());
  writeFileSync(join(scratch, "sd-jwt-run.mjs"), sdJwtModule());
  writeFileSync(join(scratch, "es256k.mjs"), es256kBody());
  writeFileSync(join(scratch, "es256k-run.mjs"), `import { es256k } from "./es256k.mjs";\nconsole.log(JSON.stringify(await es256k()));\n`);
});

test("Node: the http middleware example, over a real socket", async () => {
  const { app } = await import(pathToFileURL(join(scratch, "examples/node-middleware/server.js")).href);
  const server = app({ jwks, issuer: ISSUER, audience: AUDIENCE });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  const { run } = await import(pathToFileURL(join(scratch, "cases.mjs")).href);
  const base = `http://127.0.0.1:${server.address().port}/`;
  try {
    check(await run((req) => fetch(base, { headers: req.headers })), "node");
  } finally {
    server.close();
  }
  const { es256k } = await import(pathToFileURL(join(scratch, "es256k.mjs")).href);
  assert.deepEqual(await es256k(), ES256K_SYNC, "node: OpenSSL's secp256k1");
});

test("Deno: the server example's handler, with no permission flags at all", () => {
  writeFileSync(
    join(scratch, "deno-run.mjs"),
    `import { authHandler } from "./examples/deno-server/main.js";
import { jwks, run } from "./cases.mjs";
console.log(JSON.stringify(await run(authHandler({ jwks, issuer: ${JSON.stringify(ISSUER)}, audience: ${JSON.stringify(AUDIENCE)} }))));
`,
  );
  const r = spawnSync(bin("deno"), ["run", "--no-prompt", "--no-config", "--node-modules-dir=manual", "deno-run.mjs"], {
    cwd: scratch,
    encoding: "utf8",
    env: { ...process.env, DENO_NO_UPDATE_CHECK: "1", DENO_DIR: join(scratch, ".deno") },
  });
  assert.equal(r.status, 0, r.stderr);
  check(JSON.parse(r.stdout), "deno");
  // jwtlens/sd-jwt through its Deno entry (WebCrypto checks the ES256 signatures).
  const sd = spawnSync(bin("deno"), ["run", "--no-prompt", "--no-config", "--node-modules-dir=manual", "sd-jwt-run.mjs"], {
    cwd: scratch,
    encoding: "utf8",
    env: { ...process.env, DENO_NO_UPDATE_CHECK: "1", DENO_DIR: join(scratch, ".deno") },
  });
  assert.equal(sd.status, 0, sd.stderr);
  assert.deepEqual(JSON.parse(sd.stdout), SD_JWT_RESULT);
  const k = spawnSync(bin("deno"), ["run", "--no-prompt", "--no-config", "--node-modules-dir=manual", "es256k-run.mjs"], {
    cwd: scratch,
    encoding: "utf8",
    env: { ...process.env, DENO_NO_UPDATE_CHECK: "1", DENO_DIR: join(scratch, ".deno") },
  });
  assert.equal(k.status, 0, k.stderr);
  assert.deepEqual(JSON.parse(k.stdout), ES256K_WEBCRYPTO, "deno: the ES256K wasm, imported as a module");
});

test("Bun: the server example's handler", () => {
  writeFileSync(
    join(scratch, "bun-run.mjs"),
    `import { authHandler } from "./examples/bun-server/server.js";
import { jwks, run } from "./cases.mjs";
console.log(JSON.stringify(await run(authHandler({ jwks, issuer: ${JSON.stringify(ISSUER)}, audience: ${JSON.stringify(AUDIENCE)} }))));
`,
  );
  const r = spawnSync(bunPath(), ["bun-run.mjs"], { cwd: scratch, encoding: "utf8", env: { ...process.env, BUN_RUNTIME_TRANSPILER_CACHE_PATH: "0" } });
  assert.equal(r.status, 0, r.stderr);
  check(JSON.parse(r.stdout), "bun");
  const sd = spawnSync(bunPath(), ["sd-jwt-run.mjs"], { cwd: scratch, encoding: "utf8", env: { ...process.env, BUN_RUNTIME_TRANSPILER_CACHE_PATH: "0" } });
  assert.equal(sd.status, 0, sd.stderr);
  assert.deepEqual(JSON.parse(sd.stdout), SD_JWT_RESULT);
  const k = spawnSync(bunPath(), ["es256k-run.mjs"], { cwd: scratch, encoding: "utf8", env: { ...process.env, BUN_RUNTIME_TRANSPILER_CACHE_PATH: "0" } });
  assert.equal(k.status, 0, k.stderr);
  assert.deepEqual(JSON.parse(k.stdout), ES256K_SYNC, "bun: BoringSSL has no secp256k1, the ES256K wasm answers synchronously");
});

test("workerd: the Cloudflare Worker example, bundled as wrangler does, in Miniflare", async () => {
  const out = join(scratch, "worker-dist");
  // wrangler's bundling: esbuild with the workerd/worker/browser conditions, and
  // .wasm imports kept as imports of a file beside the bundle (a compiled module).
  execFileSync(bin("esbuild"), [
    join(scratch, "examples/cloudflare-worker/src/index.js"),
    "--bundle", "--format=esm", "--platform=neutral", "--main-fields=module,main",
    "--conditions=workerd,worker,browser", "--loader:.wasm=copy", `--outdir=${out}`,
  ], { cwd: scratch, stdio: "pipe" });
  const { Miniflare } = await import(pathToFileURL(join(here, "../node_modules/miniflare/dist/src/index.js")).href);
  const mf = new Miniflare({
    modules: true,
    scriptPath: join(out, "index.js"),
    modulesRoot: out,
    modulesRules: [
      { type: "ESModule", include: ["**/*.js"] },
      { type: "CompiledWasm", include: ["**/*.wasm"] },
    ],
    compatibilityDate: "2025-01-01",
    bindings: { JWKS: jwks, ISSUER, AUDIENCE },
  });
  try {
    const { run } = await import(pathToFileURL(join(scratch, "cases.mjs")).href);
    check(await run((req) => mf.dispatchFetch(req.url, { headers: Object.fromEntries(req.headers) })), "workerd");
  } finally {
    await mf.dispose();
  }
  // ES256K in a worker of its own, bundled the same way: the ES256K wasm imported as a compiled module.
  const dir = join(scratch, "es256k-worker");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "index.js"), `import { es256k } from "../es256k.mjs";\nexport default { async fetch() { return Response.json(await es256k()); } };\n`);
  execFileSync(bin("esbuild"), [
    join(dir, "index.js"),
    "--bundle", "--format=esm", "--platform=neutral", "--main-fields=module,main",
    "--conditions=workerd,worker,browser", "--loader:.wasm=copy", `--outdir=${join(dir, "dist")}`,
  ], { cwd: scratch, stdio: "pipe" });
  const worker = new Miniflare({
    modules: true,
    scriptPath: join(dir, "dist/index.js"),
    modulesRoot: join(dir, "dist"),
    modulesRules: [
      { type: "ESModule", include: ["**/*.js"] },
      { type: "CompiledWasm", include: ["**/*.wasm"] },
    ],
    compatibilityDate: "2025-01-01",
  });
  try {
    const res = await worker.dispatchFetch("http://example.test/");
    assert.deepEqual(await res.json(), ES256K_WEBCRYPTO, "workerd");
  } finally {
    await worker.dispose();
  }
});

test("esbuild --platform=node: a bundle runs once the .wasm is beside it", () => {
  const dir = join(scratch, "esbuild-node");
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, "app.mjs"),
    `import { inspect } from "jwtlens";
import { sign, generateKey } from "jwtlens/sign";
const k = generateKey("EdDSA");
console.log(JSON.stringify({ sub: inspect(sign({ alg: "EdDSA" }, { sub: "bundled" }, k.privateJwk)).claims.sub }));
`,
  );
  execFileSync(bin("esbuild"), ["app.mjs", "--bundle", "--platform=node", "--format=esm", "--outfile=out/app.mjs"], { cwd: dir, stdio: "pipe" });
  for (const f of ["jwtlens_verify_bg.wasm", "jwtlens_wasm_bg.wasm", "jwtlens_sign_bg.wasm"]) cpSync(join(scratch, "node_modules/jwtlens", f), join(dir, "out", f));
  const out = execFileSync(process.execPath, [join(dir, "out/app.mjs")], { encoding: "utf8" });
  assert.deepEqual(JSON.parse(out), { sub: "bundled" });
});

test("jwtlens/init: no top-level await; a clear error before init, the API after", async () => {
  const r = spawnSync(
    process.execPath,
    ["--input-type=module", "-e", `
      import { init, initSync, inspect, JwtlensError } from "jwtlens/init";
      import { readFileSync } from "node:fs";
      import { createRequire } from "node:module";
      let before;
      try { inspect("a.b.c"); } catch (e) { before = { isError: e instanceof JwtlensError, code: e.code }; }
      const wasmPath = createRequire(import.meta.url).resolve("jwtlens/wasm");
      initSync({ module: readFileSync(wasmPath) });
      await init(); // a second call does nothing
      console.log(JSON.stringify({ before, sub: inspect("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJpbml0In0.c2ln").claims.sub }));
    `],
    { cwd: scratch, encoding: "utf8" },
  );
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), { before: { isError: true, code: "not_initialized" }, sub: "init" });
  // The same for every product: sign, sd-jwt, cookies, flows.
  const sub = spawnSync(
    process.execPath,
    ["--input-type=module", "-e", `
      import * as sign from "jwtlens/sign/init";
      import * as sdJwt from "jwtlens/sd-jwt/init";
      import * as cookies from "jwtlens/cookies/init";
      import * as flows from "jwtlens/flows/init";
      import { readFileSync } from "node:fs";
      import { createRequire } from "node:module";
      const require = createRequire(import.meta.url);
      const codes = [];
      for (const f of [() => sign.generateKey("EdDSA"), () => sdJwt.decodeSdJwt("a.b.c~"), () => new cookies.CookieJar(), () => flows.simulate({ strategy: "session" }, ["login"])]) {
        try { f(); codes.push("ran"); } catch (e) { codes.push(e.code); }
      }
      sign.initSync({ module: readFileSync(require.resolve("jwtlens/sign/wasm")) });
      // A wasm that cannot be loaded: the error names this product's file and /init entry.
      const loadError = await sdJwt.init(new URL("file:///nowhere/x.wasm")).then(() => "loaded", (e) => e.message);
      await sdJwt.init(readFileSync(require.resolve("jwtlens/sd-jwt/wasm")));
      await cookies.init(readFileSync(require.resolve("jwtlens/cookies/wasm")));
      const jar = new cookies.CookieJar();
      jar.setCookie("a=1", "https://x.example/", { now: 1 });
      console.log(JSON.stringify({
        codes,
        alg: sign.generateKey("EdDSA").alg,
        header: jar.cookieHeader("https://x.example/", { now: 2 }),
        steps: flows.simulate({ strategy: "session" }, ["login"]).steps.length,
        sdJwt: (() => { try { sdJwt.decodeSdJwt("a.b.c"); } catch (e) { return e.code; } })(),
        loadError: (loadError.includes("jwtlens_sd_jwt_bg.wasm copied") && loadError.includes('import "jwtlens/sd-jwt/init"')) || loadError,
      }));
    `],
    { cwd: scratch, encoding: "utf8" },
  );
  assert.equal(sub.status, 0, sub.stderr);
  assert.deepEqual(JSON.parse(sub.stdout), { codes: ["not_initialized", "not_initialized", "not_initialized", "not_initialized"], alg: "EdDSA", header: "a=1", steps: 1, sdJwt: "format", loadError: true });
  // `require()` of the ESM package (Node >= 20.19 / 22.12): no top-level await in the Node entry.
  const req = spawnSync(process.execPath, ["-e", `console.log(require("jwtlens").decode("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjanMifQ.c2ln").payload.sub)`], { cwd: scratch, encoding: "utf8" });
  assert.equal(req.stdout.trim(), "cjs", req.stderr);
});

test("publint and attw --profile esm-only find nothing", () => {
  const { scratch: s } = install();
  const tarball = execFileSync("ls", [s], { encoding: "utf8" }).split("\n").find((f) => f.endsWith(".tgz"));
  const lint = spawnSync(bin("publint"), [pkgDir, "--strict"], { encoding: "utf8" });
  assert.equal(lint.status, 0, lint.stdout + lint.stderr);
  // The "…/wasm" entries are the .wasm files themselves, assets for loaders, not modules with types.
  const attw = spawnSync(bin("attw"), [join(s, tarball), "--profile", "esm-only", "--exclude-entrypoints", "./wasm", "./sign/wasm", "./sd-jwt/wasm", "./cookies/wasm", "./flows/wasm", "--format", "table-flipped"], {
    encoding: "utf8",
  });
  assert.equal(attw.status, 0, attw.stdout + attw.stderr);
});
