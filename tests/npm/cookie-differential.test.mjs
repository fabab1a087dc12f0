// The cookie jar against real Chromium: every scenario of
// tests/cookies/scenarios.mjs through the npm CookieJar, compared with what
// headless Chromium did (tests/cookies/chromium-results.json, recorded by
// tests/cookies/record-chromium.mjs; tests/browser/cookie-chromium.test.mjs
// re-records a sample live to keep that file honest). Prints the agreement;
// fails on any disagreement not listed in KNOWN with its reason.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { installed } from "./install.mjs";
import { scenarios, concrete, KINDS } from "../cookies/scenarios.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const saved = JSON.parse(readFileSync(join(here, "../cookies/chromium-results.json"), "utf8"));
const NOW = 1_795_000_000;
const PORTS = { https: 8443, http: 8080, dual: 8444 };

/** Disagreements with Chromium that remain, each with why (none is silent). */
export const KNOWN = {};

export async function jarResults() {
  const { CookieJar } = await installed("cookies");
  const out = {};
  for (const s of scenarios()) {
    const jar = new CookieJar(); // third-party cookies blocked: Chromium's default in a fresh profile
    const set = concrete(s.set, PORTS);
    // Set by a top-level response, or by a frame's response inside a page at setIn.
    const setRequest = s.setIn ? { url: set, site: concrete(s.setIn, PORTS), topLevel: false, destination: "document" } : { url: set };
    for (const line of s.lines) jar.setCookie(line, setRequest, { now: NOW });
    const [topLevel, method, destination] = KINDS[s.kind];
    const frames = s.frames.map((f) => concrete(f, PORTS));
    const request = { url: concrete(s.hit, PORTS), method, site: concrete(s.from, PORTS), topLevel, frames, destination };
    // A request blocked as mixed content is never made: no header arrives (null), as in Chromium.
    const blocked = jar.cookiesFor(request, { now: NOW }).some((v) => v.reason.code === "mixed_content_blocked");
    // "frame-read": document.cookie inside a frame of `from` (and of `frames`).
    const header = blocked
      ? null
      : s.kind === "frame-read"
        ? jar.documentCookie(request, { now: NOW })
        : jar.cookieHeader(request, { now: NOW });
    const documentCookie = jar.documentCookie(concrete(s.read, PORTS), { now: NOW });
    out[s.id] = { header, documentCookie };
  }
  return out;
}

test("the jar agrees with Chromium on the scenario matrix", async () => {
  const jar = await jarResults();
  const ids = Object.keys(saved.results);
  assert.equal(ids.length, scenarios().length, "the saved results cover every scenario: re-record them");
  const differ = [];
  for (const id of ids) {
    const c = saved.results[id];
    const j = jar[id];
    if (c.header !== j.header || c.documentCookie !== j.documentCookie) {
      differ.push(`${id}: Chromium sent ${JSON.stringify(c.header)} / document.cookie ${JSON.stringify(c.documentCookie)}; the jar ${JSON.stringify(j.header)} / ${JSON.stringify(j.documentCookie)}`);
    }
  }
  const agree = ids.length - differ.length;
  console.log(`# cookie jar vs Chromium ${saved.chromium}: ${agree}/${ids.length} scenarios agree (${((100 * agree) / ids.length).toFixed(1)}%)`);
  const unexpected = differ.filter((d) => !KNOWN[d.split(":")[0]]);
  const fixed = Object.keys(KNOWN).filter((id) => !differ.some((d) => d.startsWith(`${id}:`)));
  assert.deepEqual(fixed, [], "listed in KNOWN but now agree");
  assert.deepEqual(unexpected, []);
});
