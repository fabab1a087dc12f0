// Reading a token on the page: JSON coloured by type, a claim lit up with its
// explanation and its characters in the token (by pointer and by keyboard),
// copy buttons for each encoded part, and sharing by link only when asked —
// the token in the fragment, never the query, shown only after the person
// opening the link says so.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { serve, launch, watch, root, outputDir } from "./harness.mjs";

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

async function open(options = {}) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, ...options });
  const page = await context.newPage();
  const seen = watch(context, page);
  await page.goto(server.origin + "/");
  await page.waitForSelector("#token-input");
  return { context, page, seen };
}

test("JSON is coloured by type; a claim lights up its explanation and its characters in the token", async () => {
  const { context, page, seen } = await open();
  await page.click("#example");
  await page.waitForSelector("#panel-payload .j-member");
  const kinds = await page.$$eval("#panel-payload pre.json span[class^='j-']", (els) => [...new Set(els.map((e) => e.className.split(" ")[0]))].sort());
  for (const k of ["j-key", "j-member", "j-num", "j-str"]) assert.ok(kinds.includes(k), `${k} in ${kinds}`);
  // The text is still the pretty JSON, so copying the panel gives valid JSON.
  const text = await page.textContent("#panel-payload pre.json");
  assert.equal(typeof JSON.parse(text), "object");
  // Colours differ by type, in light mode.
  const colour = (sel) => page.$eval(sel, (e) => getComputedStyle(e).color);
  assert.notEqual(await colour("#panel-payload .j-str"), await colour("#panel-payload .j-num"));

  // Hover "sub": its explanation and its base64url characters light up.
  const sub = page.locator("#panel-payload .j-member", { hasText: '"sub"' });
  await sub.hover();
  await page.waitForSelector("#panel-payload li.member.lit");
  assert.match(await page.textContent("#panel-payload li.member.lit"), /Subject/);
  const lit = await page.$$eval("#token-view .lit", (els) => els.map((e) => e.textContent).join(""));
  assert.ok(lit.length >= 8, `lit characters: ${lit}`);
  const token = await page.inputValue("#token-input");
  assert.ok(token.split(".")[1].includes(lit), "the lit characters are inside the payload segment");
  // The lit base64url group decodes to text holding the claim.
  const start = token.indexOf(lit) - token.indexOf(".") - 1;
  assert.equal(start % 4, 0, "the span starts on a 4-character group");
  assert.match(Buffer.from(lit, "base64url").toString("utf8"), /sub/);
  await page.screenshot({ path: join(outputDir, "reading-hover.png") });
  await page.mouse.move(0, 0);
  await page.waitForFunction(() => !document.querySelector("#token-view .lit"));

  // The reverse: pointing at a claim's characters in the token lights up the claim and its explanation.
  const chars = page.locator("#token-view .seg-payload.member-chars").nth(2);
  await chars.hover();
  await page.waitForSelector("#panel-payload .j-member.lit");
  await page.waitForSelector("#panel-payload li.member.lit");
  assert.equal((await page.$$("#panel-payload .j-member.lit")).length, 1, "one claim lights up");
  // And it is the claim those characters hold: its span in the token covers them.
  const covered = await page.evaluate(() => document.querySelector("#token-view .member-chars.lit") !== null);
  assert.ok(covered, "the characters under the pointer are lit with their claim");
  await page.mouse.move(0, 0);
  await page.waitForFunction(() => !document.querySelector("#panel-payload .j-member.lit"));

  // The same by keyboard: focus the member, and its explanation lights up.
  await page.focus("#panel-payload .j-member >> nth=1");
  await page.waitForSelector("#panel-payload li.member.lit");
  const described = await page.$eval("#panel-payload .j-member:focus", (e) => document.getElementById(e.getAttribute("aria-describedby")).textContent);
  assert.ok(described.length > 0);
  assert.deepEqual(seen.problems, []);
  await context.close();
});

test("copy buttons for each encoded part", async () => {
  const { context, page } = await open();
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.click("#example");
  await page.waitForSelector(".copy-parts button");
  const token = await page.inputValue("#token-input");
  const labels = await page.$$eval(".copy-parts button", (bs) => bs.map((b) => b.textContent));
  assert.deepEqual(labels, ["Copy header", "Copy payload", "Copy signature"]);
  for (const [i, part] of token.split(".").entries()) {
    await page.click(`.copy-parts button >> nth=${i}`);
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), part);
  }
  await context.close();
});

test("share: opt-in, a plain warning, the token in the fragment; opening a link asks first", async () => {
  const { context, page, seen } = await open();
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  assert.equal(await page.isDisabled("#share"), true, "nothing to share without a token");
  await page.click("#example");
  const token = await page.inputValue("#token-input");
  await page.click("#share");
  assert.match(await page.textContent("#share-panel"), /Anyone who has the link can read every claim/);
  await page.click("#share-panel button.copy");
  const link = await page.evaluate(() => navigator.clipboard.readText());
  const url = new URL(link);
  assert.equal(url.search, "", "never in the query");
  assert.equal(url.hash, `#token=${token}`);
  assert.equal(page.url(), server.origin + "/", "sharing does not put the token in this page's address");

  // Someone opens the link: the token is not shown until they say so, and leaves the address bar at once.
  const other = await context.newPage();
  const otherSeen = watch(context, other);
  await other.goto(link);
  await other.waitForSelector("#incoming-share");
  assert.equal(new URL(other.url()).hash, "", "the fragment is removed from the address");
  assert.equal(await other.inputValue("#token-input"), "");
  assert.equal(await other.$("#panel-payload"), null);
  assert.match(await other.textContent("#incoming-share"), /This link carries a token/);
  await other.screenshot({ path: join(outputDir, "reading-incoming-share.png") });
  await other.click("#incoming-open");
  await other.waitForSelector("#panel-payload");
  assert.equal(await other.inputValue("#token-input"), token);
  assert.equal(await other.$("#incoming-share"), null);

  // Discarding leaves nothing.
  const third = await context.newPage();
  await third.goto(link);
  await third.waitForSelector("#incoming-share");
  await third.click("#incoming-discard");
  assert.equal(await third.$("#incoming-share"), null);
  assert.equal(await third.inputValue("#token-input"), "");
  // A link opened in a tab already on the page (a fragment change) asks too, and leaves the address.
  await third.evaluate((l) => { location.hash = new URL(l).hash; }, link);
  await third.waitForSelector("#incoming-share");
  assert.equal(new URL(third.url()).hash, "");
  await third.click("#incoming-discard");
  // A malformed link (bad percent-encoding) leaves nothing in the address bar and shows nothing.
  await third.goto(`${server.origin}/#token=%C0%AFabc`);
  await third.waitForSelector("#token-input");
  assert.equal(new URL(third.url()).hash, "");
  assert.equal(await third.$("#incoming-share"), null);
  // No request carried the token, from any page.
  for (const r of [...seen.requests, ...otherSeen.requests]) assert.ok(!r.includes(token.slice(0, 20)), r);
  assert.deepEqual([...seen.problems, ...otherSeen.problems], []);
  await context.close();
});
