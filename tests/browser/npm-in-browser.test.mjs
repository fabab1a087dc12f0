// The npm package's browser entry (index.js, the "default" export condition)
// loaded as an ES module in Chromium, as a bundler-free page would.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { serve, launch, watch, root } from "./harness.mjs";

const pkg = join(root, "crates/jwtlens-wasm/pkg");
const page = `<!doctype html><meta charset="utf-8"><title>npm</title><link rel="icon" href="data:,">
<script type="module">
import { inspect, decode, verifyFast, verifyFastAsync, verifyAsync, createVerifier, importKey, JwtlensError, version } from "/pkg/index.js";
const wasmLoaded = () => performance.getEntriesByType("resource").map((e) => e.name.split("/").at(-1)).filter((n) => n.endsWith(".wasm"));
const loaded = wasmLoaded();
const { sign, generateKey, JwtlensError: SignError } = await import("/pkg/sign.browser.js");
const ed = generateKey("EdDSA");
const signed = sign({ alg: "EdDSA" }, { sub: "ada" }, ed.privateJwk);
const edKey = importKey(JSON.stringify(ed.publicJwk));
const signing = {
  loadedBefore: loaded,
  sameError: SignError === JwtlensError,
  arithmetic: edKey.arithmetic,
  // The browser's wasm has no public-key arithmetic: synchronously such a signature is not checked...
  sync: verifyFast(signed, edKey, { now: false }).status,
  // ...and asynchronously Chromium's WebCrypto checks it.
  valid: (await verifyFastAsync(signed, edKey, { now: false })).valid,
};
// Every public-key algorithm through Chromium's WebCrypto (ES256K, which it lacks: the ES256K
// wasm, fetched when the first ES256K signature is checked), with the policy a server sets;
// a changed signature is invalid, never valid.
const algorithms = {};
const es256kWasm = {};
for (const alg of ["RS256", "PS256", "ES256", "ES384", "ES512", "ES256K", "EdDSA"]) {
  if (alg === "ES256K") es256kWasm.before = wasmLoaded().filter((n) => n.includes("es256k"));
  const pair = generateKey(alg);
  const token = sign({ alg }, { sub: "ada", iss: "https://issuer.example", aud: "api", exp: 2000000000 }, pair.privateJwk);
  const key = importKey(JSON.stringify(pair.publicJwk));
  const policy = { algorithms: [alg], issuer: "https://issuer.example", audience: "api" };
  const verifier = createVerifier({ key, policy });
  const [h, p, s] = token.split(".");
  const flipped = h + "." + p + "." + (s[0] === "A" ? "B" : "A") + s.slice(1);
  algorithms[alg] = [
    (await verifyAsync(token, key, { now: 1900000000, policy })).verdict.status,
    (await verifier.verifyAsync(token, { now: 1900000000 })).status,
    (await verifier.verifyAsync(flipped, { now: 1900000000 })).status,
  ];
}
es256kWasm.after = wasmLoaded().filter((n) => n.includes("es256k"));
signing.algorithms = algorithms;
signing.es256kWasm = es256kWasm;
// jwtlens/sd-jwt: its own wasm; an SD-JWT+KB issued and presented with jwtlens/sign, the issuer's
// key imported by the JWT entry, ES256 and the holder's EdDSA checked by Chromium's WebCrypto.
const { issueSdJwt, presentSdJwt } = await import("/pkg/sign.browser.js");
const sd = await import("/pkg/sd-jwt.browser.js");
const issuer = generateKey("ES256");
const holder = generateKey("EdDSA");
const issued = issueSdJwt("ES256", { iss: "https://issuer.example", email: "ada@example.com", age_over_18: true }, { disclosable: ["email", "age_over_18"], holderJwk: holder.publicJwk }, issuer.privateJwk);
const shown = presentSdJwt(issued.sdJwt, ["age_over_18"], { keyBinding: { key: holder.privateJwk, alg: "EdDSA", nonce: "n", audience: "https://verifier.example", now: 1900000000 } });
const kb = { required: true, nonce: "n", audience: "https://verifier.example" };
const issuerKey = importKey(JSON.stringify(issuer.publicJwk));
const other = generateKey("ES256");
signing.sdJwt = {
  sync: sd.verifySdJwt(shown, issuerKey, { now: 1900000000, keyBinding: kb }).status,
  async: (await sd.verifySdJwtAsync(shown, issuerKey, { now: 1900000000, keyBinding: kb })).status,
  otherKey: (await sd.verifySdJwtAsync(shown, sd.importKey(JSON.stringify(other.publicJwk)), { now: 1900000000, keyBinding: kb })).status,
  replayed: (await sd.verifySdJwtAsync(shown, issuerKey, { now: 1900000000, keyBinding: { ...kb, nonce: "other" } })).status,
  sameKeyClass: sd.JwtlensKey !== undefined && issuerKey instanceof sd.JwtlensKey,
};
const token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJicm93c2VyIiwiZXhwIjoxMDB9.c2ln";
let thrown = null;
try { decode("nope"); } catch (e) { thrown = { isError: e instanceof JwtlensError, code: e.code, offset: e.offset }; }
window.result = { report: inspect(token, { now: 40 }), decoded: decode(token), thrown, version: version(), signing };
</script>`;

let server, browser;
before(async () => {
  assert.ok(existsSync(join(pkg, "index.js")), "run scripts/build-npm.sh first");
  server = await serve({ "/pkg/": pkg }, { "/npm.html": page });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test("index.js instantiates the wasm beside it and answers like the Node entry", async () => {
  const context = await browser.newContext();
  const p = await context.newPage();
  const seen = watch(context, p);
  await p.goto(server.origin + "/npm.html");
  await p.waitForFunction(() => window.result !== undefined);
  const r = await p.evaluate(() => window.result);
  assert.equal(r.report.claims.sub, "browser");
  assert.equal(r.report.time.exp.relative, "expires in 1 min");
  assert.deepEqual(r.decoded.payload, { sub: "browser", exp: 100 });
  assert.deepEqual(r.thrown, { isError: true, code: "wrong_segment_count", offset: 4 });
  assert.match(r.version, /^\d+\.\d+\.\d+/);
  // jwtlens/sign has its own wasm, fetched only when imported; what it signs, the JWT entry verifies.
  const { algorithms, sdJwt, es256kWasm, ...signing } = r.signing;
  // The ES256K wasm: not fetched for the other algorithms, fetched once for ES256K's three checks.
  assert.deepEqual(es256kWasm, { before: [], after: ["jwtlens_es256k_bg.wasm"] });
  // Synchronously no WebCrypto answer: never valid. Asynchronously valid, and only with the right key and nonce.
  assert.deepEqual(sdJwt, { sync: "invalid", async: "valid", otherKey: "invalid", replayed: "invalid", sameKeyClass: true });
  assert.deepEqual(signing, { loadedBefore: ["jwtlens_wasm_browser_bg.wasm"], sameError: true, arithmetic: "webcrypto", sync: "unchecked", valid: true });
  for (const [alg, statuses] of Object.entries(algorithms)) {
    assert.deepEqual(statuses, ["valid", "valid", "invalid_signature"], alg);
  }
  assert.deepEqual(Object.keys(algorithms).length, 7);
  assert.deepEqual(seen.problems, []);
  assert.ok(seen.requests.every((u) => u.startsWith(server.origin)), seen.requests.join("\n"));
});
