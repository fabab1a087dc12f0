// The playground as a person uses it: the built dist/ served on 127.0.0.1,
// driven in headless Chromium with a pinned clock.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { serve, launch, watch, root, outputDir } from "./harness.mjs";

const NOW = 1795000180; // the example token's iat + 3 min
const b64 = (o) => Buffer.from(JSON.stringify(o)).toString("base64url");
const EXPIRED = `${b64({ alg: "HS256", typ: "JWT" })}.${b64({ sub: "bob", iat: NOW - 4 * 3600, exp: NOW - 3 * 3600 })}.c2lnbmF0dXJl`;

let server, browser, context, page, seen;

before(async () => {
  assert.ok(existsSync(join(root, "dist/index.html")), "run `trunk build --release` first");
  server = await serve({ "/": join(root, "dist") });
  browser = await launch();
  context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, colorScheme: "light" });
  page = await context.newPage();
  seen = watch(context, page);
  await page.clock.setFixedTime(new Date(NOW * 1000));
  await page.goto(server.origin + "/");
  await page.waitForSelector("#token-input");
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test("the example token shows its claims, explanations and relative times", async () => {
  await page.click("#example");
  await page.waitForSelector("#panel-payload");
  const payload = await page.textContent("#panel-payload");
  assert.match(payload, /"name": "Ada Lovelace"/);
  assert.match(payload, /Expiration Time: After this time the token must not be accepted/);
  assert.equal(await page.textContent("#time-exp .rel"), "expires in 57 min");
  assert.equal(await page.textContent("#time-iat .rel"), "issued 3 min ago");
  assert.equal(await page.textContent("#time-status"), "Valid now");
  assert.match(await page.textContent("#time-exp"), /2026-11-18T12:06:40Z/);
  assert.match(await page.textContent("#panel-header"), /HMAC using SHA-256/);
  assert.match(await page.textContent("#summary"), /Signed token \(JWS\) · HS256.*decodes cleanly/);
  // The token view colours each part.
  const parts = await page.$$eval("#token-view span", (els) => els.map((e) => e.className));
  for (const cls of ["seg-header", "seg-payload", "seg-signature"]) assert.ok(parts.some((c) => c.includes(cls)), cls);
  await page.screenshot({ path: join(outputDir, "playground-example.png"), fullPage: true });
});

test("an expired token is highlighted with how long ago", async () => {
  await page.fill("#token-input", EXPIRED);
  assert.equal(await page.textContent("#time-status"), "Expired");
  assert.equal(await page.textContent("#time-exp .rel"), "expired 3 h ago");
  assert.match(await page.getAttribute("#time-exp", "class"), /highlight/);
  assert.match(await page.textContent("#time-summary"), /Expired 3 h ago/);
});

test("a broken token gets a located error, inline, and still shows what decodes", async () => {
  await page.click("#example");
  const token = await page.inputValue("#token-input");
  const broken = token.slice(0, 100) + " " + token.slice(100);
  await page.fill("#token-input", `Bearer ${broken}`);
  const error = await page.textContent("#errors li");
  assert.match(error, /bad_base64url/);
  assert.match(error, /payload · byte 107/);
  assert.match(error, /The payload is not base64url: a space at byte 107/);
  // The mark in the token view sits on the space.
  assert.equal(await page.textContent("#token-view mark.error-mark"), "␣", "whitespace is shown as ␣");
  assert.match(await page.textContent("#panel-header"), /"alg": "HS256"/, "the header still decodes");
  assert.match(await page.textContent("#notices"), /bearer_prefix_stripped/);
  // "Show in token" selects the bad byte in the text box.
  await page.click("#errors button.link");
  const selection = await page.$eval("#token-input", (t) => [t.selectionStart, t.selectionEnd]);
  assert.deepEqual(selection, [107, 108]);
  await page.screenshot({ path: join(outputDir, "playground-error.png"), fullPage: true });
});

test("copy buttons put the pretty JSON on the clipboard", async () => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.origin });
  await page.click("#example");
  await page.click("#panel-header button.copy");
  assert.equal(await page.textContent("#panel-header button.copy"), "Copied");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.deepEqual(JSON.parse(copied), { alg: "HS256", typ: "JWT", kid: "demo-2026" });
  assert.match(copied, /\n  "alg": "HS256"/, "pretty-printed");
});

test("validator: the example secret verifies, a wrong one does not, a public key is refused for HS256", async () => {
  await page.click("#example");
  assert.match(await page.textContent("#verdict"), /Signature not checked/);
  await page.click("#example-key");
  assert.match(await page.textContent("#key-status"), /Read as HMAC secret/);
  assert.match(await page.textContent("#verdict"), /^Verified.*Signature verified with the HMAC secret, 376 bits/);
  await page.screenshot({ path: join(outputDir, "playground-verified.png"), fullPage: true });
  // The example secret is public, and the page says so.
  assert.match(await page.textContent("#panel-findings"), /CRITICAL\s*weak_secret/);
  await page.fill("#key-input", "a-wrong-secret-that-is-long-enough-to-pass-checks");
  assert.match(await page.textContent("#verdict"), /^Invalid signature.*the signature does not match/);
  await page.fill("#key-input", "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=\n-----END PUBLIC KEY-----");
  assert.match(await page.textContent("#key-status"), /Read as PEM/);
  assert.match(await page.textContent("#verdict"), /key-confusion attack/);
  assert.match(await page.textContent("#panel-findings"), /key_confusion/);
  await page.selectOption("#key-mode", "hex");
  assert.match(await page.textContent("#key-status"), /Not a usable key — hex secret/);
  await page.selectOption("#key-mode", "auto");
  await page.fill("#key-input", "");
  assert.match(await page.textContent("#verdict"), /Signature not checked/);
});

test("validator: public key text is never an HMAC secret, whatever wraps it (key confusion)", async () => {
  // An HS256 token MACed with the exact text of a public key (with a BOM, as pasted from a file).
  const pem = "\ufeff-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=\n-----END PUBLIC KEY-----\n";
  const { createHmac } = await import("node:crypto");
  const input = `${b64({ alg: "HS256" })}.${b64({ sub: "admin", exp: NOW + 3600 })}`;
  const forged = `${input}.${createHmac("sha256", pem).update(input).digest("base64url")}`;
  await page.fill("#token-input", forged);
  // Detect: read as the Ed25519 key it is, which cannot verify HS256.
  await page.fill("#key-input", pem);
  assert.match(await page.textContent("#key-status"), /Read as PEM/);
  assert.doesNotMatch(await page.textContent("#verdict"), /^Verified/);
  // The bare base64 body, too.
  await page.fill("#key-input", "MCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=");
  assert.match(await page.textContent("#key-status"), /Read as DER/);
  // Said to be secret text: refused, and the page says why.
  await page.fill("#key-input", pem);
  await page.selectOption("#key-mode", "utf8");
  assert.match(await page.textContent("#key-status"), /text of a public key/);
  assert.match(await page.textContent("#verdict"), /^Invalid signature.*key confusion/);
  assert.match(await page.textContent("#panel-findings"), /CRITICAL\s*key_confusion/);
  await page.screenshot({ path: join(outputDir, "playground-key-confusion.png"), fullPage: true });
  // The same warning on a phone, in the dark.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.locator("#key-status").scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(outputDir, "playground-key-confusion-390-dark.png") });
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 1400, height: 1000 });
  await page.selectOption("#key-mode", "auto");
  await page.fill("#key-input", "");
});

test("validator: a claim policy shows each check with expected and actual", async () => {
  await page.click("#example");
  await page.click("#example-key");
  await page.fill("#policy-iss", "https://auth.example.com");
  await page.fill("#policy-aud", "billing, reports");
  assert.match(await page.textContent("#check-iss"), /passed/);
  const aud = await page.textContent("#check-aud");
  assert.match(aud, /failed/);
  assert.match(aud, /\["billing", "reports"\]/);
  assert.match(aud, /\["api.example.com"\]/);
  assert.match(await page.textContent("#verdict"), /^Claims fail/);
  await page.screenshot({ path: join(outputDir, "playground-checks.png"), fullPage: true });
  // The core reads the text box (policy::seconds): the same sentences as every face.
  await page.fill("#policy-leeway", "NaN");
  assert.match(await page.textContent("#policy-error"), /Leeway must be a finite number of seconds\./);
  await page.fill("#policy-leeway", "ten");
  assert.match(await page.textContent("#policy-error"), /Leeway must be a number of seconds, found "ten"\./);
  await page.fill("#policy-leeway", "3600");
  assert.match(await page.textContent("#policy-error"), /at most 600 seconds/);
  for (const id of ["#policy-iss", "#policy-aud", "#policy-leeway", "#key-input"]) await page.fill(id, "");
  assert.equal(await page.$("#panel-checks"), null);
});

test("encoder: generate a key, edit claims, the token updates and opens in the decoder", async () => {
  await page.click("#tab-encoder");
  await page.selectOption("#enc-alg", "ES256");
  assert.match(await page.textContent("#enc-error"), /Paste a private key or secret, or generate one/);
  await page.click("#enc-generate");
  const publicJwk = JSON.parse(await page.textContent("#enc-public pre"));
  assert.equal(publicJwk.crv, "P-256");
  const first = await page.textContent("#enc-token");
  await page.fill("#enc-claims", '{"sub":"grace","role":"admiral"}');
  const second = await page.textContent("#enc-token");
  assert.notEqual(first, second, "the token follows the claims as you type");
  await page.fill("#enc-claims", '{"sub":');
  assert.match(await page.textContent("#enc-error"), /claims: not JSON/);
  await page.fill("#enc-claims", '{"sub":"grace","role":"admiral"}');
  await page.screenshot({ path: join(outputDir, "playground-encoder.png"), fullPage: true });
  await page.click("#enc-open");
  assert.match(await page.textContent("#panel-payload"), /"role": "admiral"/);
  assert.match(await page.textContent("#summary"), /ES256/);
  await page.fill("#key-input", JSON.stringify(publicJwk));
  assert.match(await page.textContent("#verdict"), /^Verified.*EC P-256 public key/);
  await page.fill("#key-input", "");
});

test("cookie lab: CSRF under SameSite=Lax, a cross-site navigation, and document.cookie", async () => {
  await page.click("#tab-cookies");
  assert.match(await page.textContent("#lab-stored"), /track=1; Domain=co.uk\s*rejected: Domain=co.uk is a public suffix/);
  // The default: a cross-site form POST (CSRF attempt) from evil.example.
  let verdicts = await page.textContent("#lab-verdicts");
  assert.match(verdicts, /NOT SENT\s*sid .*SameSite=Lax: not sent on a cross-site POST/);
  assert.match(verdicts, /NOT SENT\s*theme .*no SameSite, so Lax \(as Chromium\)/);
  assert.match(await page.textContent("#lab-header"), /Cookie header: \(nothing\)/);
  await page.screenshot({ path: join(outputDir, "playground-cookie-lab.png"), fullPage: true });
  // With SameSite=None a cross-site subresource POST carries the cookie only where third-party
  // cookies are allowed (Chromium blocks them in a fresh profile); a form that navigates
  // (a top-level POST) carries it either way: the CSRF works.
  await page.fill("#lab-lines", "sid=abc123; Secure; HttpOnly; SameSite=None; Path=/");
  assert.match(await page.textContent("#lab-header"), /Cookie header: \(nothing\)/);
  assert.match(await page.textContent("#lab-verdicts"), /third-party cookies are blocked/);
  await page.selectOption("#lab-third-party", "allowed");
  assert.match(await page.textContent("#lab-header"), /Cookie header: sid=abc123/);
  await page.selectOption("#lab-third-party", "blocked");
  await page.selectOption("#lab-context", "navigation");
  assert.match(await page.textContent("#lab-header"), /Cookie header: sid=abc123/);
  // A cross-site top-level GET navigation carries Lax cookies but not Strict ones.
  await page.fill("#lab-lines", "lax=1; Secure; SameSite=Lax\nstrict=1; Secure; SameSite=Strict");
  await page.selectOption("#lab-context", "navigation");
  await page.selectOption("#lab-method", "GET");
  verdicts = await page.textContent("#lab-verdicts");
  assert.match(verdicts, /SENT\s*lax/);
  assert.match(verdicts, /NOT SENT\s*strict .*SameSite=Strict/);
  // document.cookie never shows HttpOnly cookies.
  await page.fill("#lab-lines", "sid=abc123; Secure; HttpOnly\ntheme=dark");
  await page.fill("#lab-site", "");
  await page.selectOption("#lab-context", "script");
  assert.match(await page.textContent("#lab-header"), /document.cookie: theme=dark$/);
  await page.click("#tab-decoder");
});

test("usable by keyboard alone", async () => {
  await page.fill("#token-input", "");
  await page.focus("#token-input");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.id), "example");
  await page.keyboard.press("Enter");
  await page.waitForSelector("#panel-payload");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.id), "clear");
  await page.keyboard.press("Enter");
  assert.equal(await page.inputValue("#token-input"), "");
  assert.equal(await page.evaluate(() => document.activeElement.id), "token-input", "Clear returns focus to the box");
});

test("dark colour scheme renders", async () => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.click("#example");
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(bg, "rgb(17, 20, 24)");
  await page.screenshot({ path: join(outputDir, "playground-dark.png"), fullPage: true });
  await page.emulateMedia({ colorScheme: "light" });
});

test("private: no request leaves the page's origin, nothing is stored, the token is not in the URL", async () => {
  const token = await page.inputValue("#token-input");
  assert.ok(token.length > 100);
  const foreign = seen.requests.filter((u) => !u.startsWith(server.origin + "/"));
  assert.deepEqual(foreign, [], "requests to other origins");
  // After load, the page made no request at all: only the page, its CSS, scripts, icons and
  // manifest, and the service worker caching those same files for offline use.
  assert.ok(seen.requests.every((u) => /\/$|\.(js|css|png|webmanifest)$/.test(u)), seen.requests.join("\n"));
  assert.ok(!seen.requests.some((u) => u.includes(token.slice(0, 20))));
  const stored = await page.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie, location.href]);
  assert.deepEqual(stored, [0, 0, "", server.origin + "/"]);
  const csp = await page.$eval('meta[http-equiv="Content-Security-Policy"]', (m) => m.content);
  assert.match(csp, /connect-src 'none'/);
  assert.deepEqual(seen.problems, [], "no page errors, console errors or CSP violations");
});
