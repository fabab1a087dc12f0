// Replays tests/cookies/scenarios.mjs in real headless Chromium and saves what
// it did to tests/cookies/chromium-results.json, so the jar can be compared
// with it without a browser (tests/npm/cookie-differential.test.mjs).
//
//   node tests/cookies/record-chromium.mjs            (about a minute)
//
// Three local servers on 127.0.0.1 — https (a self-signed, test-only
// certificate; Chromium is told to ignore certificate errors), http, and one
// port that speaks both (so that an http: image Chromium upgrades to https:
// as mixed content still reaches a server) — and Chromium resolving every
// *.test name to 127.0.0.1. Each scenario runs in a fresh browser context: a
// top-level navigation whose response sets the cookies; a page on `from`
// that makes the request of `kind` — from inside `frames`, nested in that
// order, when the scenario has them (a "navigate" then is a click on a
// target=_top link in the innermost frame); the Cookie header the server
// received for it (null: no request arrived; for "frame-read": what
// document.cookie showed inside the frame); then document.cookie on `read`.
import { createServer as createHttps } from "node:https";
import { createServer as createHttp } from "node:http";
import { createServer as createTcp, connect } from "node:net";
import { readFileSync, writeFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { scenarios, concrete } from "./scenarios.mjs";

const here = dirname(fileURLToPath(import.meta.url));

export async function record({ only } = {}) {
  const list = scenarios().filter((s) => !only || only.includes(s.id));
  const byId = new Map(list.map((s) => [s.id, s]));
  const hits = new Map();
  const ports = {};
  const page = (body) => `<!doctype html><meta charset="utf-8"><title>t</title><link rel="icon" href="data:,"><body>${body}</body>`;
  const handler = (req, res) => {
    const url = new URL(req.url, "http://x");
    const q = url.searchParams;
    const s = byId.get(q.get("set") ?? q.get("setframe") ?? q.get("from") ?? q.get("hit") ?? q.get("read") ?? "");
    if (q.has("set") && s) {
      res.setHeader("Set-Cookie", s.lines);
      res.writeHead(200, { "content-type": "text/html" }).end(page("set"));
    } else if (q.has("setframe") && s) {
      // A top-level page on setIn whose frame's response sets the cookies.
      const set = `${concrete(s.set, ports)}${s.set.includes("?") ? "&" : "?"}set=${encodeURIComponent(s.id)}`;
      res.writeHead(200, { "content-type": "text/html" }).end(page(`<iframe src="${set}"></iframe>`));
    } else if (q.has("from") && s && Number(q.get("depth") ?? 0) < (s.frames ?? []).length) {
      // The next frame of the chain, down to the one that makes the request.
      const depth = Number(q.get("depth") ?? 0);
      const next = `${concrete(s.frames[depth], ports)}?from=${encodeURIComponent(s.id)}&depth=${depth + 1}`;
      res.writeHead(200, { "content-type": "text/html" }).end(page(`<iframe src="${next}"></iframe>`));
    } else if (q.has("from") && s) {
      const hit = `${concrete(s.hit, ports)}?hit=${encodeURIComponent(s.id)}`;
      // Inside frames, a navigation is a click (a user gesture) on a link to the top window.
      const navigate = s.frames?.length
        ? `<a id="go" href="${hit}" target="_top">go</a>`
        : `<script>location.href = ${JSON.stringify(hit)};</script>`;
      const body = {
        navigate,
        "form-post": s.frames?.length
          ? `<form method="POST" action="${hit}" target="_top"><input name="x" value="1"><button id="go">go</button></form>`
          : `<form method="POST" action="${hit}"><input name="x" value="1"></form><script>document.forms[0].submit();</script>`,
        fetch: `<script>fetch(${JSON.stringify(hit)}, { credentials: "include", mode: "no-cors" });</script>`,
        "fetch-post": `<script>fetch(${JSON.stringify(hit)}, { method: "POST", body: "x", credentials: "include", mode: "no-cors" });</script>`,
        img: `<img src="${hit}" alt="">`,
        iframe: `<iframe src="${hit}"></iframe>`,
        "frame-read": `<iframe src="${hit}&frame=1"></iframe>`,
      }[s.kind];
      res.writeHead(200, { "content-type": "text/html" }).end(page(body));
    } else if (q.has("report") && byId.has(q.get("report"))) {
      // What document.cookie showed inside the frame.
      hits.set(q.get("report"), q.get("c") ?? "");
      res.writeHead(204).end();
    } else if (q.has("hit") && s && s.kind === "frame-read") {
      const report = `${url.pathname}?report=${encodeURIComponent(s.id)}&c=`;
      res.writeHead(200, { "content-type": "text/html" });
      res.end(page(`<script>fetch(${JSON.stringify(report)} + encodeURIComponent(document.cookie));</script>`));
    } else if (q.has("hit") && s) {
      if (!hits.has(s.id)) hits.set(s.id, req.headers.cookie ?? "");
      res.writeHead(200, { "content-type": s.kind === "img" ? "image/gif" : "text/html" });
      res.end(s.kind === "img" ? Buffer.from("R0lGODlhAQABAAAAACw=", "base64") : page("hit"));
    } else {
      res.writeHead(200, { "content-type": "text/html" }).end(page("read"));
    }
  };
  const tls = { key: readFileSync(join(here, "test-only-key.pem")), cert: readFileSync(join(here, "test-only-cert.pem")) };
  const https = createHttps(tls, handler);
  const http = createHttp(handler);
  // Both on one port: a TLS handshake starts with byte 0x16, plain HTTP with a method name;
  // each connection is relayed to the server that speaks its protocol.
  const dual = createTcp((socket) => {
    socket.once("data", (first) => {
      socket.pause(); // until the relay is connected (pipe resumes it)
      const to = connect((first[0] === 0x16 ? https : http).address().port, "127.0.0.1", () => {
        to.write(first);
        socket.pipe(to).pipe(socket);
      });
      const end = () => { socket.destroy(); to.destroy(); };
      to.on("error", end);
      socket.on("error", end);
    });
  });
  await new Promise((ok) => https.listen(0, "127.0.0.1", ok));
  await new Promise((ok) => http.listen(0, "127.0.0.1", ok));
  await new Promise((ok) => dual.listen(0, "127.0.0.1", ok));
  ports.https = https.address().port;
  ports.http = http.address().port;
  ports.dual = dual.address().port;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync",
      "--host-resolver-rules=MAP *.test 127.0.0.1",
      "--ignore-certificate-errors",
    ],
  });
  const results = {};
  try {
    for (const s of list) {
      const context = await browser.newContext({ ignoreHTTPSErrors: true });
      const p = await context.newPage();
      const at = (u, key) => `${concrete(u, ports)}${u.includes("?") ? "&" : "?"}${key}=${encodeURIComponent(s.id)}`;
      if (s.setIn) await p.goto(at(s.setIn, "setframe"), { waitUntil: "load" });
      else await p.goto(at(s.set, "set"));
      await p.goto(at(s.from, "from"));
      if ((s.kind === "navigate" || s.kind === "form-post") && s.frames?.length) {
        const innermost = `depth=${s.frames.length}`;
        let frame;
        for (let i = 0; i < 100 && !frame; i++) {
          frame = p.frames().find((f) => f.url().includes(innermost));
          if (!frame) await new Promise((r) => setTimeout(r, 20));
        }
        // A frame that never loads (blocked as mixed content) starts nothing.
        if (frame) await frame.click("#go");
      }
      for (let i = 0; i < 100 && !hits.has(s.id); i++) await new Promise((r) => setTimeout(r, 20));
      const header = hits.has(s.id) ? hits.get(s.id) : null;
      // The hit is recorded when the request arrives; the page may still be committing that
      // navigation (a form post from a frame commits late), which interrupts this one: then
      // let it finish and read after it, a few times over (once was not always enough in CI).
      const read = at(s.read, "read");
      for (let attempt = 1; ; attempt++) {
        try {
          await p.goto(read);
          break;
        } catch (e) {
          if (!/interrupted by another navigation/.test(e.message) || attempt === 6) throw e;
          await p.waitForLoadState("load").catch(() => {});
          await new Promise((r) => setTimeout(r, 50 * attempt));
        }
      }
      const documentCookie = await p.evaluate(() => document.cookie);
      results[s.id] = { header, documentCookie };
      await context.close();
    }
  } finally {
    await browser.close();
    https.close();
    http.close();
    dual.close();
  }
  return { chromium: browser.version(), results };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { chromium: version, results } = await record();
  const out = { chromium: version, scenarios: Object.keys(results).length, note: "written by tests/cookies/record-chromium.mjs", results };
  writeFileSync(join(here, "chromium-results.json"), JSON.stringify(out, null, 1) + "\n");
  console.log(`recorded ${out.scenarios} scenarios in Chromium ${version}`);
}
