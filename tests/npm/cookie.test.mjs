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

test("a host-only and a domain cookie of one name: two cookies, each with its own value (the id=host; id=host bug)", () => {
  const jar = new CookieJar();
  jar.setCookie("id=host; Path=/", "https://a.example/", { now });
  jar.setCookie("id=dom; Domain=a.example; Path=/", "https://a.example/", { now });
  assert.equal(jar.cookieHeader("https://a.example/", { now: now + 1 }), "id=host; id=dom");
  assert.deepEqual(jar.cookiesFor("https://a.example/", { now: now + 1 }).map((v) => [v.value, v.hostOnly]), [["host", true], ["dom", false]]);
});

test("Chromium's rules: loopback is trustworthy, __Host- needs Path=/, nameless values with '=' are refused, Lax-allowing-unsafe", () => {
  const jar = new CookieJar();
  assert.equal(jar.setCookie("__Host-s=1; Secure; Path=/", "http://localhost:8080/", { now }).outcome, "stored");
  assert.equal(jar.setCookie("__Host-t=1; Secure", "https://a.example/", { now }).reason.code, "host_prefix");
  assert.equal(jar.setCookie("=a=b", "https://a.example/", { now }).reason.code, "nameless_with_equals");
  jar.setCookie("sid=1; Secure; Path=/", "https://bank.example/", { now });
  const post = { url: "https://bank.example/t", method: "POST", site: "https://evil.example", topLevel: true };
  assert.equal(jar.cookiesFor(post, { now: now + 60 })[0].reason.code, "sent_lax_allowing_unsafe");
  assert.equal(jar.cookieHeader(post, { now: now + 300 }), "");
});

test("third-party cookies: blocked by default (as Chromium), allowed on request", () => {
  const pixel = { url: "https://ads.example/p", site: "https://news.example/", topLevel: false };
  for (const [options, header] of [[undefined, ""], [{ thirdPartyCookies: "blocked" }, ""], [{ thirdPartyCookies: "allowed" }, "id=1"]]) {
    const jar = new CookieJar(options);
    jar.setCookie("id=1; SameSite=None; Secure", "https://ads.example/", { now });
    assert.equal(jar.cookieHeader(pixel, { now }), header, JSON.stringify(options));
  }
  const blocked = new CookieJar();
  blocked.setCookie("id=1; SameSite=None; Secure", "https://ads.example/", { now });
  assert.equal(blocked.cookiesFor(pixel, { now })[0].reason.code, "third_party_blocked");
  assert.match(blocked.cookiesFor(pixel, { now })[0].message, /third-party cookies are blocked/);
  assert.throws(() => new CookieJar({ thirdPartyCookies: "sometimes" }), { code: "invalid_argument" });
  assert.throws(() => new CookieJar({ partitioned: true }), /not a CookieJar option/);
});

test("document.cookie inside a frame of another site: read and write", () => {
  const jar = new CookieJar();
  jar.setCookie("lax=1; Secure; SameSite=Lax", "https://bank.example/", { now });
  jar.setCookie("none=1; Secure; SameSite=None", "https://bank.example/", { now });
  const framed = { url: "https://bank.example/widget", site: "https://news.example/", topLevel: false };
  assert.equal(jar.documentCookie("https://bank.example/", { now }), "lax=1; none=1");
  assert.equal(jar.documentCookie(framed, { now }), "", "a cross-site frame sees nothing while third-party cookies are blocked");
  const open = new CookieJar({ thirdPartyCookies: "allowed" });
  open.setCookie("lax=1; Secure; SameSite=Lax", "https://bank.example/", { now });
  open.setCookie("none=1; Secure; SameSite=None", "https://bank.example/", { now });
  assert.equal(open.documentCookie(framed, { now }), "none=1", "allowed: only SameSite=None is visible there");
  assert.equal(jar.setCookie("w=1; Secure; SameSite=None", { ...framed, fromScript: true }, { now }).reason.code, "third_party_blocked");
});

test("frame chains, frame-started navigations and mixed content: the request context is the core's", () => {
  const jar = new CookieJar();
  for (const line of ["st=1; Secure; SameSite=Strict", "lx=1; Secure; SameSite=Lax", "p=1"]) jar.setCookie(line, "https://bank.example/", { now });
  // A fetch from a bank.example frame inside an ad frame of the bank's own page is cross-site.
  const deep = { url: "https://bank.example/api", site: "https://bank.example/", topLevel: false, frames: ["https://ads.example/f", "https://www.bank.example/f"] };
  assert.equal(jar.cookieHeader(deep, { now }), "");
  assert.equal(jar.cookieHeader({ ...deep, frames: ["https://www.bank.example/f"] }, { now }), "st=1; lx=1; p=1");
  // A target=_top link in the ad frame: judged by the frame that started it.
  assert.equal(jar.cookieHeader({ url: "https://bank.example/t", site: "https://bank.example/", frames: ["https://ads.example/f"] }, { now }), "lx=1; p=1");
  // An http: image from the https: page is upgraded; an http: fetch is never made.
  const img = { url: "http://bank.example/logo", site: "https://bank.example/", topLevel: false, destination: "image" };
  assert.equal(jar.cookieHeader(img, { now }), "st=1; lx=1; p=1");
  assert.match(jar.cookiesFor(img, { now })[0].message, /Mixed Content §4\.1/);
  const fetch = { ...img, destination: "fetch" };
  assert.deepEqual([...new Set(jar.cookiesFor(fetch, { now }).map((v) => v.reason.code))], ["mixed_content_blocked"]);
  assert.equal(jar.setCookie("x=1", fetch, { now }).reason.code, "mixed_content_blocked");
  // Bad context is a located error, never a silent default.
  assert.throws(() => jar.cookieHeader({ ...deep, frames: ["https://a.example/", "nope"] }, { now }), /request\.frames\[1\]/);
  assert.throws(() => jar.cookieHeader({ ...img, destination: "video" }, { now }), /video/);
  assert.throws(() => jar.cookieHeader({ ...img, frame: [] }, { now }), /unknown field `frame`/);
});
