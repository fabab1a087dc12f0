// The first view loads only what it needs: the Decoder & Validator's module.
// The labs (Encoder, Cookie lab, Sandbox: signing, the cookie jar with the
// public suffix list, the simulation) are a second module, fetched when one of
// their tabs is first opened, and once only.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { inflateSync } from "node:zlib";
import { serve, launch, watch, root } from "./harness.mjs";

const dist = join(root, "dist");
let server, browser;
before(async () => {
  assert.ok(existsSync(join(dist, "index.html")), "run `trunk build --release` first");
  server = await serve({ "/": dist });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

// The wasm bytes a boot script embeds, zlib-deflated and base64 (web/postbuild.mjs).
const embedded = (file) => {
  const packed = Buffer.from(/unpack\("([^"]+)"\)/.exec(readFileSync(join(dist, file), "utf8"))[1], "base64");
  const bytes = inflateSync(packed);
  assert.equal(bytes.subarray(0, 4).toString("latin1"), "\0asm", `${file} embeds a wasm module`);
  return bytes;
};

test("the page's module holds no cookie jar or simulation; the labs module does", () => {
  const files = readdirSync(dist);
  const page = embedded(files.find((f) => /^boot-.*\.js$/.test(f)));
  const labs = embedded(files.find((f) => /^labs-[0-9a-f]+\.js$/.test(f)));
  assert.equal(page.includes("co.uk"), false, "the public suffix list is not in the first view");
  assert.equal(labs.includes("co.uk"), true);
  assert.equal(page.includes("Rotate signing key"), false, "the sandbox is not in the first view");
});

test("the labs module is fetched when a lab's tab is first opened, once", async () => {
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  const seen = watch(context, page);
  await page.goto(server.origin + "/");
  await page.click("#example");
  await page.waitForSelector("#panel-payload");
  const labs = () => seen.requests.filter((u) => /\/labs-/.test(u));
  assert.deepEqual(labs(), [], "decoding needs no labs");
  await page.click("#tab-cookies");
  await page.waitForSelector("#lab-lines");
  assert.equal(labs().length, 2, labs().join("\n")); // its boot script and its glue
  await page.click("#tab-sandbox");
  await page.waitForSelector("#sb-controls");
  await page.click("#tab-decoder");
  assert.match(await page.textContent("#panel-payload"), /Ada Lovelace/, "the decoder kept its token");
  await page.click("#tab-encoder");
  await page.waitForSelector("#enc-alg");
  assert.equal(labs().length, 2, "fetched once");
  assert.deepEqual(seen.problems, []);
  await context.close();
});
