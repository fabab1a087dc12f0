// The packed npm package through the bundlers people use, loaded in Chromium:
// Vite and webpack with no configuration, esbuild with the one step it needs
// (the .wasm files copied beside the bundle: esbuild does not follow
// `new URL(..., import.meta.url)`), and a module service worker using
// `jwtlens/init` (no top-level await there). Each page verifies a token,
// signs one through the `jwtlens/sign` subpath (a second wasm, imported
// lazily), and must make no request beyond its own origin.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { createHmac } from "node:crypto";
import { serve, launch, watch } from "./harness.mjs";
import { install } from "../npm/install.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const bin = (name) => join(here, "../node_modules/.bin", name);
const SECRET = "a-secret-of-at-least-thirty-two-bytes";
const NOW = 1_795_000_000;
const b64 = (o) => Buffer.from(JSON.stringify(o)).toString("base64url");
const input = `${b64({ alg: "HS256", typ: "JWT" })}.${b64({ sub: "bundled", iat: NOW - 60, exp: NOW + 600 })}`;
const TOKEN = `${input}.${createHmac("sha256", SECRET).update(input).digest("base64url")}`;

const APP = `import { inspect, createVerifier, importKey } from "jwtlens";
const token = ${JSON.stringify(TOKEN)};
const verifier = createVerifier({ key: importKey(${JSON.stringify(SECRET)}), policy: { algorithms: ["HS256"] } });
const { sign, generateKey } = await import("jwtlens/sign");
const k = generateKey("ES256");
const signed = sign({ alg: "ES256" }, { sub: "signed", iat: ${NOW} }, k.privateJwk);
const check = createVerifier({ key: importKey(JSON.stringify(k.publicJwk)), policy: { algorithms: ["ES256"] } });
window.result = {
  sub: inspect(token).claims.sub,
  valid: verifier(token, { now: ${NOW} }).valid,
  tampered: verifier(token.slice(0, -2) + "AA", { now: ${NOW} }).status,
  // In browsers ES256 is checked by WebCrypto, asynchronously; synchronously it is "unchecked".
  signed: (await check.verifyAsync(signed, { now: ${NOW} })).payload?.sub ?? null,
  unchecked: check(signed, { now: ${NOW} }).status,
};
`;
const EXPECTED = { sub: "bundled", valid: true, tampered: "invalid_signature", signed: "signed", unchecked: "unchecked" };

let scratch, browser;
before(async () => {
  ({ scratch } = install());
  mkdirSync(join(scratch, "src"), { recursive: true });
  writeFileSync(join(scratch, "src/main.js"), APP);
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function load(dir, page = "/index.html") {
  const server = await serve({ "/": dir });
  const context = await browser.newContext();
  const p = await context.newPage();
  const seen = watch(context, p);
  try {
    await p.goto(server.origin + page);
    await p.waitForFunction(() => window.result !== undefined || window.failure !== undefined, null, { timeout: 30_000 });
    const result = await p.evaluate(() => window.result ?? window.failure);
    return { result, seen, origin: server.origin };
  } finally {
    await context.close();
    await server.close();
  }
}

function assertLoaded({ result, seen, origin }, what) {
  assert.deepEqual(result, EXPECTED, what);
  assert.deepEqual(seen.problems, [], what);
  assert.ok(seen.requests.every((u) => u.startsWith(origin)), `${what}: ${seen.requests.join("\n")}`);
  assert.ok(seen.requests.some((u) => u.endsWith(".wasm")), `${what}: the wasm came from the bundle's own origin`);
}

test("Vite: a production build with no configuration", async () => {
  writeFileSync(join(scratch, "index.html"), `<!doctype html><meta charset="utf-8"><title>vite</title><link rel="icon" href="data:,"><script type="module" src="/src/main.js"></script>`);
  execFileSync(bin("vite"), ["build", "--outDir", "dist-vite", "--logLevel", "warn"], { cwd: scratch, stdio: "pipe" });
  assertLoaded(await load(join(scratch, "dist-vite")), "vite");
});

test("webpack 5: a production build with no configuration", async () => {
  execFileSync(bin("webpack"), ["--mode", "production", "--entry", "./src/main.js", "--output-path", "dist-webpack"], { cwd: scratch, stdio: "pipe" });
  writeFileSync(join(scratch, "dist-webpack/index.html"), `<!doctype html><meta charset="utf-8"><title>webpack</title><link rel="icon" href="data:,"><script src="main.js"></script>`);
  assertLoaded(await load(join(scratch, "dist-webpack")), "webpack");
});

test("esbuild: a bundle, with the .wasm files copied beside it", async () => {
  const out = join(scratch, "dist-esbuild");
  execFileSync(bin("esbuild"), ["src/main.js", "--bundle", "--format=esm", "--splitting", `--outdir=${out}`], { cwd: scratch, stdio: "pipe" });
  for (const f of readdirSync(join(scratch, "node_modules/jwtlens")).filter((f) => f.endsWith(".wasm"))) {
    cpSync(join(scratch, "node_modules/jwtlens", f), join(out, f));
  }
  writeFileSync(join(out, "index.html"), `<!doctype html><meta charset="utf-8"><title>esbuild</title><link rel="icon" href="data:,"><script type="module" src="main.js"></script>`);
  assertLoaded(await load(out), "esbuild");
});

test("esbuild without the copy: a JwtlensError-free, plain error that says what to do", async () => {
  const out = join(scratch, "dist-esbuild-bare");
  execFileSync(bin("esbuild"), ["src/main.js", "--bundle", "--format=esm", "--splitting", `--outdir=${out}`], { cwd: scratch, stdio: "pipe" });
  writeFileSync(join(out, "index.html"), `<!doctype html><meta charset="utf-8"><title>esbuild</title><link rel="icon" href="data:,">
<script type="module">window.addEventListener("error", (e) => { window.failure = e.message; }); import("./main.js").catch((e) => { window.failure = e.message; });</script>`);
  const { result } = await load(out);
  assert.match(result, /could not instantiate its WebAssembly from http:\/\/127\.0\.0\.1:\d+\/jwtlens_wasm_browser_bg\.wasm/);
  assert.match(result, /copied next to the bundle/);
});

test("a module service worker: jwtlens/init, initialised inside the worker", async () => {
  const dir = join(scratch, "sw-site");
  mkdirSync(dir, { recursive: true });
  cpSync(join(scratch, "node_modules/jwtlens"), join(dir, "pkg"), { recursive: true });
  writeFileSync(join(dir, "sw.js"), `import { init, inspect, createVerifier, importKey } from "./pkg/init.js";
const ready = init();
self.addEventListener("install", (e) => e.waitUntil(ready));
self.addEventListener("message", (e) => {
  e.waitUntil(ready.then(() => {
    const verifier = createVerifier({ key: importKey(${JSON.stringify(SECRET)}), policy: { algorithms: ["HS256"] } });
    e.source.postMessage({ sub: inspect(e.data).claims.sub, valid: verifier(e.data, { now: ${NOW} }).valid });
  }));
});
`);
  writeFileSync(join(dir, "index.html"), `<!doctype html><meta charset="utf-8"><title>sw</title><link rel="icon" href="data:,">
<script type="module">
try {
  const reg = await navigator.serviceWorker.register("/sw.js", { type: "module" });
  const worker = reg.installing ?? reg.waiting ?? reg.active;
  navigator.serviceWorker.addEventListener("message", (e) => { window.result = e.data; });
  await navigator.serviceWorker.ready;
  worker.postMessage(${JSON.stringify(TOKEN)});
} catch (e) { window.failure = String(e); }
</script>`);
  const { result, seen, origin } = await load(dir);
  assert.deepEqual(result, { sub: "bundled", valid: true });
  assert.deepEqual(seen.problems, []);
  assert.ok(seen.requests.every((u) => u.startsWith(origin)), seen.requests.join("\n"));
});
