// The npm package builds its core more than once: the JWT module for servers
// in two parts compiled for speed (`jwtlens_verify_bg.wasm`, without the
// explaining functions, and the whole module, `jwtlens_wasm_bg.wasm`, for
// inspect and verify: js/backend.js), and whole for browsers compiled for size
// (`jwtlens_wasm_browser_bg.wasm`); the SD-JWT module for servers and for
// browsers (`*_browser_bg.wasm`, Cargo.toml's npm-browser profile). This holds
// the builds to each other on the same work, in two Node processes: "server"
// through the `jwtlens` entry (which splits the work between its two wasm
// files) and the servers' SD-JWT wasm, "browser" through `jwtlens/init` with
// the browsers' JWT and SD-JWT wasm. Every report, verdict and error of a
// corpus of tokens (valid ones from node:crypto, each character of them
// changed, malformed texts), compared as JSON. Any difference fails.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { createHmac, generateKeyPairSync, sign as cryptoSign } from "node:crypto";
import { install } from "./install.mjs";

const b64 = (x) => Buffer.from(typeof x === "string" ? x : JSON.stringify(x)).toString("base64url");
const claims = { iss: "https://issuer.example", aud: ["api", "web"], sub: "ada", iat: 1_700_000_000, nbf: 1_700_000_000.5, exp: 1.9e9, roles: ["admin"], n: 1e400 };
const secret = "an-hmac-secret-that-is-32-bytes!";
const ec = generateKeyPairSync("ec", { namedCurve: "P-256" });
function jws(header, signer) {
  const input = `${b64(header)}.${b64(claims)}`;
  return `${input}.${signer(Buffer.from(input)).toString("base64url")}`;
}
const hs = jws({ alg: "HS256", typ: "JWT" }, (d) => createHmac("sha256", secret).update(d).digest());
const es = jws({ alg: "ES256", kid: "k" }, (d) => cryptoSign("sha256", d, { key: ec.privateKey, dsaEncoding: "ieee-p1363" }));
const tokens = [hs, es, "", "a", "a.b", "a.b.c", `${b64({ alg: "none" })}.${b64(claims)}.`, `${b64('{"alg":"HS256","alg":"none"}')}.${b64(claims)}.x`];
// Each character of both tokens changed to a base64url one and to a stranger one.
for (const t of [hs, es]) {
  for (let i = 0; i < t.length; i += 3) tokens.push(t.slice(0, i) + (t[i] === "A" ? "B" : "A") + t.slice(i + 1), t.slice(0, i) + "%" + t.slice(i + 1));
}
const keys = { hs: secret, es: JSON.stringify(ec.publicKey.export({ format: "jwk" })) };

function script(name, sdWasm) {
  // "server": the Node entry, as a server imports it; "browser": /init with the browsers' wasm.
  const jwt =
    name === "server"
      ? `import { inspect, decode, verifyAsync, verifyFast, verifySignature, createVerifier, importKey } from "jwtlens";`
      : `import { initSync, inspect, decode, verifyAsync, verifyFast, verifySignature, createVerifier, importKey } from "jwtlens/init";`;
  return `${jwt}
import * as sd from "jwtlens/sd-jwt/init";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
const dir = createRequire(import.meta.url).resolve("jwtlens/wasm").replace(/[^/]+$/, "");
${name === "server" ? "" : `initSync({ module: readFileSync(dir + "jwtlens_wasm_browser_bg.wasm") });`}
sd.initSync({ module: readFileSync(dir + ${JSON.stringify(sdWasm)}) });
const tokens = ${JSON.stringify(tokens)};
const keys = { hs: importKey(${JSON.stringify(keys.hs)}), es: importKey(${JSON.stringify(keys.es)}) };
const policy = { algorithms: ["HS256", "ES256"], issuer: "https://issuer.example", audience: "api" };
const verifier = createVerifier({ key: keys.hs, policy });
const attempt = (f) => { try { return f(); } catch (e) { return { thrown: e.code ?? String(e), message: e.message }; } };
const out = [];
for (const t of tokens) {
  out.push(attempt(() => inspect(t, { now: 1_800_000_000 })));
  out.push(attempt(() => decode(t)));
  out.push(attempt(() => verifier(t, { now: 1_800_000_000 })));
  out.push(attempt(() => verifyFast(t, keys.hs, { now: 1_800_000_000, policy })));
  const [signed, signature] = [t.slice(0, t.lastIndexOf(".")), t.slice(t.lastIndexOf(".") + 1)];
  out.push(attempt(() => verifySignature("HS256", keys.hs, signed, Buffer.from(signature, "base64url"))));
  for (const k of Object.values(keys)) out.push(await verifyAsync(t, k, { now: 1_800_000_000, policy }).catch((e) => ({ thrown: e.code })));
  out.push(attempt(() => sd.decodeSdJwt(t + "~")));
}
out.push(attempt(() => importKey("-----BEGIN PUBLIC KEY-----\\nnope\\n-----END PUBLIC KEY-----")));
console.log(JSON.stringify(out));
`;
}

let scratch;
before(() => {
  scratch = install().scratch;
});

test("every build of the JWT and SD-JWT wasm answers exactly as the others do", () => {
  const runs = {};
  for (const [name, sdWasm] of [
    ["server", "jwtlens_sd_jwt_bg.wasm"],
    ["browser", "jwtlens_sd_jwt_browser_bg.wasm"],
  ]) {
    writeFileSync(join(scratch, `build-${name}.mjs`), script(name, sdWasm));
    const r = spawnSync(process.execPath, [`build-${name}.mjs`], { cwd: scratch, encoding: "utf8", maxBuffer: 1 << 28 });
    assert.equal(r.status, 0, r.stderr);
    runs[name] = JSON.parse(r.stdout);
  }
  assert.equal(runs.server.length, runs.browser.length);
  const valid = runs.server.filter((x) => x?.verdict?.status === "valid" || x?.valid === true).length;
  console.log(`${tokens.length} inputs, ${runs.server.length} answers compared, ${valid} of them valid`);
  assert.ok(valid >= 3, "the corpus has valid tokens in it");
  for (let i = 0; i < runs.server.length; i++) assert.deepEqual(runs.browser[i], runs.server[i], `answer ${i}`);
});
