// Shared by the browser tests: a static server on 127.0.0.1 and headless Debian Chromium.
import { createServer } from "node:http";
import { readFile, mkdir } from "node:fs/promises";
import { join, extname, normalize, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
export const root = join(here, "../..");
export const outputDir = join(root, "tests/output");

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".png": "image/png",
};

/** Serve `mounts` ({ urlPrefix: directory }) plus `pages` ({ path: html }) on a free port. */
export async function serve(mounts, pages = {}) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (pages[path]) {
      res.writeHead(200, { "content-type": types[".html"] });
      return res.end(pages[path]);
    }
    for (const [prefix, dir] of Object.entries(mounts)) {
      if (!path.startsWith(prefix)) continue;
      let rel = path.slice(prefix.length);
      if (rel === "" || rel.endsWith("/")) rel += "index.html";
      rel = normalize(rel).replace(/^(\.\.[/\\])+/, "");
      try {
        const body = await readFile(join(dir, rel));
        res.writeHead(200, { "content-type": types[extname(rel)] ?? "application/octet-stream" });
        return res.end(body);
      } catch {
        break;
      }
    }
    res.writeHead(404).end("not found");
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, close: () => new Promise((ok) => server.close(ok)) };
}

/** Debian's Chromium, headless, with everything that would reach the network turned off. */
export async function launch() {
  await mkdir(outputDir, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      // playwright gives each launch a new empty profile directory itself
    ],
  });
}

/** Record every request a context makes, and every CSP violation and page error. */
export function watch(context, page) {
  const requests = [];
  const problems = [];
  context.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console: ${m.text()}`);
  });
  return { requests, problems };
}
