// The playground installed for offline use: at the first visit its service
// worker caches the app's files; with the network off the page then reloads,
// decodes and verifies, and says it works offline. The worker caches only the
// app's own files, and a new build replaces the old cache.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve, launch, watch, root, outputDir } from "./harness.mjs";

let site, server, browser;
before(async () => {
  assert.ok(existsSync(join(root, "dist/sw.js")), "run `trunk build --release` first");
  // A copy of dist/, so the test can publish a "new build" without touching dist/.
  site = mkdtempSync(join(tmpdir(), "jwtlens-offline-"));
  cpSync(join(root, "dist"), site, { recursive: true });
  server = await serve({ "/": site });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const cacheNames = (page) => page.evaluate(() => caches.keys());
const cachedUrls = (page) =>
  page.evaluate(async () => {
    const out = [];
    for (const name of await caches.keys()) for (const r of await (await caches.open(name)).keys()) out.push(new URL(r.url).pathname);
    return out.sort();
  });

test("first visit caches the app; offline, the page reloads, decodes, verifies and says so", async () => {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  const seen = watch(context, page);
  await page.goto(server.origin + "/");
  await page.waitForFunction(() => document.documentElement.dataset.offline === "ready");
  assert.match(await page.textContent(".tagline"), /Offline/);
  const tagline = await page.evaluate(() => getComputedStyle(document.querySelector(".tagline"), "::after").content);
  assert.match(tagline, /works with no network/);
  // Exactly the build's files are cached, nothing else.
  const files = JSON.parse(/const FILES = (\[.*\]);/.exec(readFileSync(join(site, "sw.js"), "utf8"))[1]).map((f) => f.slice(1));
  assert.deepEqual(await cachedUrls(page), [...files].sort());

  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector("#tab-decoder");
  await page.click("#example");
  await page.waitForSelector("#panel-payload");
  assert.match(await page.textContent("#panel-payload"), /"sub"/);
  await page.fill("#key-input", "your-256-bit-secret");
  await page.waitForSelector("#verdict");
  assert.match(await page.textContent("#verdict"), /Verified|Invalid signature|Claims fail/);
  await page.screenshot({ path: join(outputDir, "offline-reloaded.png") });
  // Only the app's own address is answered with the cached page: another path goes to the network.
  const other = await context.newPage();
  const response = await other.goto(server.origin + "/not-the-app").catch((e) => e);
  assert.ok(response instanceof Error || response.status() !== 200 || !(await response.text()).includes("JWT Decoder"), "a path that is not the app is not answered with the app");
  await other.close();
  // Offline, nothing failed to load: every request the page made was answered by the worker.
  assert.deepEqual(seen.problems, []);
  assert.ok(seen.requests.every((u) => u.startsWith(server.origin)), seen.requests.join("\n"));
  await context.close();
});

test("a new build replaces the cached one", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.origin + "/");
  await page.waitForFunction(() => document.documentElement.dataset.offline === "ready");
  const [before] = await cacheNames(page);
  // Publish a "new build": the same files, a changed stylesheet and so a new sw.js.
  const css = readFileSync(join(site, "index.html"), "utf8").match(/href="\.?\/?(style-[^"]+\.css)"/)[1];
  writeFileSync(join(site, css), readFileSync(join(site, css), "utf8") + "\n/* new build */\n");
  const sw = readFileSync(join(site, "sw.js"), "utf8");
  writeFileSync(join(site, "sw.js"), sw.replace(/const VERSION = "([0-9a-f]+)"/, 'const VERSION = "0000000000000new"'));
  try {
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    // The new worker installs, takes over and deletes the old cache.
    let names = [];
    for (let i = 0; i < 100; i++) {
      names = await cacheNames(page);
      if (names.length === 1 && names[0] === "jwtlens-0000000000000new") break;
      await page.waitForTimeout(100);
    }
    assert.deepEqual(names, ["jwtlens-0000000000000new"]);
    assert.notEqual(before, "jwtlens-0000000000000new");
  } finally {
    writeFileSync(join(site, "sw.js"), sw);
  }
  await context.close();
});
