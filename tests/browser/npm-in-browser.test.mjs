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
import { inspect, decode, verifyFast, importKey, JwtlensError, version } from "/pkg/index.js";
const loaded = performance.getEntriesByType("resource").map((e) => e.name.split("/").at(-1)).filter((n) => n.endsWith(".wasm"));
const { sign, generateKey, JwtlensError: SignError } = await import("/pkg/sign.browser.js");
const ed = generateKey("EdDSA");
const signed = sign({ alg: "EdDSA" }, { sub: "ada" }, ed.privateJwk);
const signing = { loadedBefore: loaded, sameError: SignError === JwtlensError, valid: verifyFast(signed, importKey(JSON.stringify(ed.publicJwk)), { now: false }).valid };
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
  assert.deepEqual(r.signing, { loadedBefore: ["jwtlens_wasm_bg.wasm"], sameError: true, valid: true });
  assert.deepEqual(seen.problems, []);
  assert.ok(seen.requests.every((u) => u.startsWith(server.origin)), seen.requests.join("\n"));
});
