// The sessions-vs-JWT sandbox as a learner plays it, in headless Chromium:
// a session, a JWT-in-localStorage XSS theft, CSRF under SameSite=Lax vs None,
// the measured comparison table, and the real localStorage demonstration.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { serve, launch, watch, root, outputDir } from "./harness.mjs";

let server, browser, context, page, seen;

before(async () => {
  assert.ok(existsSync(join(root, "dist/index.html")), "run `trunk build --release` first");
  server = await serve({ "/": join(root, "dist") });
  browser = await launch();
  context = await browser.newContext({ viewport: { width: 1500, height: 1100 }, colorScheme: "light" });
  page = await context.newPage();
  seen = watch(context, page);
  await page.goto(server.origin + "/");
  await page.click("#tab-sandbox");
  await page.waitForSelector("#sb-controls");
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const outcome = () => page.textContent("#sb-outcome");
const start = async (strategy) => {
  await page.selectOption("#sb-strategy", strategy);
  await page.click("#sb-reset");
};

test("a session: log in, call two servers, restart, log out", async () => {
  await start("session");
  assert.match(await outcome(), /Press “Log in” to begin/);
  await page.click("#sb-login");
  assert.match(await outcome(), /Log in \(server 1\): Logged in: server 1 keeps a session; the browser holds only its ID\./);
  assert.match(await page.textContent("#sb-cookies"), /sid.*HttpOnly, Secure, SameSite=Lax/s);
  assert.match(await page.textContent("#sb-servers"), /server 1.*→ ada, until/s);
  await page.click("#sb-request-1");
  assert.match(await outcome(), /Server 1 answered 200 as ada: 36 credential bytes sent, 1 store lookup\(s\)/);
  assert.match(await page.textContent("#sb-requests"), /Cookie: sid=/);
  await page.click("#sb-request-2");
  assert.match(await outcome(), /Server 2 answered 401: no such session\. Each server keeps sessions in its own memory/);
  // A shared store replays the same story with server 2 accepting it.
  await page.check("#sb-shared");
  assert.match(await outcome(), /Server 2 answered 200 as ada/);
  await page.uncheck("#sb-shared");
  await page.screenshot({ path: join(outputDir, "sandbox-session.png"), fullPage: true });
  await page.click("#sb-logout");
  assert.match(await outcome(), /Logged out: the session is deleted on the server/);
  assert.match(await page.textContent("#sb-cookies"), /empty/);
});

test("XSS: the JWT in localStorage is stolen and still works after logout; HttpOnly is not", async () => {
  await start("jwt-local-storage");
  await page.click("#sb-login");
  assert.match(await page.textContent("#sb-localstorage"), /token\s*eyJ/);
  await page.click("#sb-xss");
  assert.equal(
    (await outcome()).replace(/^.*?: /, ""),
    "The script read the token from localStorage and can now call the API from anywhere until 12:06 UTC (1 h from now).",
  );
  assert.match(await page.textContent("#sb-stolen"), /the token from localStorage — Authorization: Bearer eyJ/);
  await page.click("#sb-logout");
  await page.click("#sb-replay");
  assert.match(await outcome(), /The token from localStorage still works: accepted until 12:06 UTC/);
  await page.screenshot({ path: join(outputDir, "sandbox-xss.png"), fullPage: true });
  // The same attack against a session in an HttpOnly cookie.
  await start("session");
  await page.click("#sb-login");
  await page.click("#sb-xss");
  assert.match(
    await outcome(),
    /The script found no readable cookie or token, but its same-origin fetch still carried the cookie: it can act as ada while the page is open\./,
  );
  assert.match(await page.textContent("#sb-stolen"), /nothing/);
  // With a deny-list, the stolen JWT dies at logout.
  await start("jwt-local-storage");
  await page.check("#sb-deny");
  await page.click("#sb-login");
  await page.click("#sb-xss");
  await page.click("#sb-logout");
  await page.click("#sb-replay");
  assert.match(await outcome(), /no longer works \(the token is on the deny-list\)/);
  await page.uncheck("#sb-deny");
});

test("CSRF: a cross-site form POST under SameSite=Lax vs None", async () => {
  await start("jwt-cookie");
  await page.selectOption("#sb-samesite", "Lax");
  await page.click("#sb-login");
  await page.click("#sb-csrf-post");
  assert.match(await outcome(), /CSRF failed: no token cookie \(SameSite=Lax on the cross-site POST\)\./);
  assert.match(await page.textContent("#sb-requests"), /Cookie token is not sent: SameSite=Lax: not sent on a cross-site POST/);
  // Switching the option replays the story: the same POST now carries the cookie.
  await page.selectOption("#sb-samesite", "None");
  assert.match(await outcome(), /CSRF worked: the browser attached ada's cookie \(SameSite=None\) to the cross-site POST/);
  await page.screenshot({ path: join(outputDir, "sandbox-csrf.png"), fullPage: true });
  await page.selectOption("#sb-samesite", "Lax");
  await page.click("#sb-csrf-get");
  assert.match(await outcome(), /CSRF worked: .*SameSite=Lax.*cross-site GET/);
  // A cross-site fetch is a third-party request: even SameSite=None stays home while the
  // browser blocks third-party cookies (a fresh Chromium profile does); allow them and it goes.
  await page.selectOption("#sb-samesite", "None");
  await page.click("#sb-csrf-fetch");
  assert.match(await outcome(), /CSRF failed: no token cookie \(third-party cookies are blocked/);
  await page.check("#sb-third-party");
  assert.match(await outcome(), /CSRF worked: .*SameSite=None, and third-party cookies allowed/);
  await page.uncheck("#sb-third-party");
  await page.selectOption("#sb-samesite", "Lax");
});

test("the comparison table is measured, and follows the options", async () => {
  const table = await page.textContent("#sb-compare");
  assert.match(table, /State on the server.*91 bytes.*0 bytes.*0 bytes.*57 bytes/s);
  assert.match(table, /Size on the wire.*36 bytes per request.*311 bytes per request/s);
  assert.match(table, /Logout.*a copy is refused at once \(0 s\).*a copy keeps working 1 h \(3600 s\)/s);
  await page.check("#sb-deny");
  assert.match(await page.textContent("#sb-compare"), /Logout.*a copy is refused at once \(0 s\).*a copy is refused at once \(0 s\)/s);
  await page.uncheck("#sb-deny");
});

test("for real: this page's localStorage is readable by any script on it", async () => {
  assert.equal(await page.evaluate(() => localStorage.length), 0);
  await page.click("#sb-real-store");
  assert.match(await page.textContent("#sb-real-result"), /Another script on this page just read 1 item\(s\) from localStorage:\s*jwtlens-demo-token = eyJ/);
  // Really there, for any script.
  assert.match(await page.evaluate(() => localStorage.getItem("jwtlens-demo-token")), /^eyJ/);
  await page.screenshot({ path: join(outputDir, "sandbox-real-storage.png"), fullPage: false });
  await page.click("#sb-real-clear");
  assert.match(await page.textContent("#sb-real-result"), /found nothing: it is empty again/);
  assert.equal(await page.evaluate(() => localStorage.length), 0);
});

test("nothing left the page; no errors", async () => {
  const foreign = seen.requests.filter((u) => !u.startsWith(server.origin + "/"));
  assert.deepEqual(foreign, []);
  assert.deepEqual(seen.problems, [], "no page errors, console errors or CSP violations");
});
