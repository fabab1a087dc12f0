// Decode → verify → read the findings by keyboard alone, with focus visible
// at every step, and the verdict in a live region a screen reader announces.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { createHmac } from "node:crypto";
import { serve, launch, watch, root } from "./harness.mjs";

const b64 = (o) => Buffer.from(JSON.stringify(o)).toString("base64url");
const SECRET = "a-secret-of-at-least-thirty-two-bytes";
const input = `${b64({ alg: "HS256", typ: "JWT" })}.${b64({ sub: "keyboard", exp: 4_102_444_800 })}`;
const TOKEN = `${input}.${createHmac("sha256", SECRET).update(input).digest("base64url")}`;

let server, browser;
before(async () => {
  assert.ok(existsSync(join(root, "dist/index.html")), "run `trunk build --release` first");
  server = await serve({ "/": join(root, "dist") });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Press Tab until `selector` has focus; every stop must show a focus ring. */
async function tabTo(page, selector, limit = 40) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    const state = await page.evaluate((sel) => {
      const e = document.activeElement;
      const s = getComputedStyle(e);
      const ring = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0;
      return { at: e.matches(sel), ring, what: `${e.tagName.toLowerCase()}#${e.id}.${e.className}` };
    }, selector);
    assert.ok(state.ring, `no visible focus on ${state.what}`);
    if (state.at) return i + 1;
  }
  assert.fail(`${selector} was not reached in ${limit} tabs`);
}

test("the whole path by keyboard, focus always visible; the verdict is a live status", async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  const seen = watch(context, page);
  await page.goto(server.origin + "/");
  await page.waitForSelector("#token-input");
  // The skip link comes first and takes focus to the content.
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.className), "skip-link");
  await page.keyboard.press("Enter");
  await tabTo(page, "#token-input");
  await page.keyboard.insertText(TOKEN);
  await page.waitForSelector("#panel-payload");
  await tabTo(page, "#key-input");
  await page.keyboard.insertText(SECRET);
  await page.waitForSelector("#verdict");
  assert.match(await page.textContent("#verdict"), /Verified/);
  assert.equal(await page.getAttribute("#verdict", "role"), "status");
  // The decoded claims are reachable and explained by keyboard, then the findings.
  await tabTo(page, "#panel-payload .j-member");
  await page.waitForSelector("#panel-payload li.member.lit");
  // The findings are a labelled region with a heading, for heading and landmark navigation.
  assert.equal(await page.textContent("#panel-findings h2"), "Findings");
  assert.equal(await page.getAttribute("#panel-findings", "aria-label"), "Findings");
  assert.deepEqual(seen.problems, []);
  await context.close();
});
