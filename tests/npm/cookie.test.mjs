// The npm CookieJar: store outcomes, per-cookie verdicts with reasons, document.cookie.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { installed } from "./install.mjs";

let CookieJar;
before(async () => {
  ({ CookieJar } = await installed("cookies"));
});

const now = 1_700_000_000;

test("an HttpOnly session cookie: sent by the browser, invisible to script, kept from cross-site POSTs", () => {
  const jar = new CookieJar();
  const site = "https://bank.example/login";
  assert.equal(jar.setCookie("sid=s3cr3t; Secure; HttpOnly; SameSite=Lax; Path=/", site, { now }).outcome, "stored");
  assert.equal(jar.setCookie("theme=dark; Path=/", site, { now }).outcome, "stored");
  assert.equal(jar.cookieHeader("https://bank.example/account", { now }), "sid=s3cr3t; theme=dark");
  assert.equal(jar.documentCookie("https://bank.example/", { now }), "theme=dark");
  const csrf = jar.cookiesFor({ url: "https://bank.example/transfer", method: "POST", site: "https://evil.example", topLevel: false }, { now });
  assert.deepEqual(csrf.map((v) => [v.name, v.sent, v.reason.code]), [
    ["sid", false, "same_site_lax_cross_site"],
    ["theme", false, "same_site_default_lax_cross_site"],
  ]);
  const nav = jar.cookiesFor({ url: "https://bank.example/", site: "https://evil.example" }, { now });
  assert.ok(nav.every((v) => v.sent), "a cross-site top-level GET carries Lax cookies");
});

test("rejections say why, and time is passed in", () => {
  const jar = new CookieJar();
  assert.deepEqual(jar.setCookie("a=1; Secure", "http://shop.example/", { now }), { outcome: "rejected", reason: { code: "secure_from_insecure_origin" } });
  assert.equal(jar.setCookie("a=1; Domain=co.uk", "https://shop.co.uk/", { now }).reason.code, "public_suffix");
  assert.equal(jar.setCookie("x=1; HttpOnly", { url: "https://shop.example/", fromScript: true }, { now }).reason.code, "http_only_from_script");
  assert.equal(jar.setCookie("s=1; Max-Age=60", "https://shop.example/", { now }).outcome, "stored");
  assert.equal(jar.cookieHeader("https://shop.example/", { now: now + 61 }), "");
  assert.equal(jar.cookiesFor("https://shop.example/", { now: now + 61 })[0].reason.code, "expired");
  assert.throws(() => jar.cookieHeader("https://shop.example/"), (e) => e.code === "invalid_argument");
  assert.throws(() => jar.setCookie("a=1", "not a url", { now }), (e) => e.code === "invalid_argument");
});
