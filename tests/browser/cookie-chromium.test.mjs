// Keeps tests/cookies/chromium-results.json honest: a sample of the scenarios
// (every context, and every rule group) is replayed live in headless Chromium
// and must match what the file says Chromium did. The full file is rewritten
// by `node tests/cookies/record-chromium.mjs`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { root } from "./harness.mjs";
import { record } from "../cookies/record-chromium.mjs";
import { scenarios } from "../cookies/scenarios.mjs";

test("a live sample of the cookie scenarios matches the saved Chromium results", async (t) => {
  const saved = JSON.parse(readFileSync(join(root, "tests/cookies/chromium-results.json"), "utf8"));
  const all = scenarios().map((s) => s.id);
  // Every tenth scenario, plus one of each rule group.
  const sample = all.filter((id, i) => i % 10 === 0 || /^(prefix-host-no-path|dp-host-and-domain-same-name|order-overwrite|name-nameless-eq|secure-over-http|exp-max-age-wins|ss-none-sec-js-x-fetch|ss-unset-sec-js-x-post|chips-top-level-then-x-nav|chain-x-in-same-navigate|chain-same-in-x-fetch|mixed-img-from-https|mixed-fetch-from-https|chips-aba|mixed-http-frame-top-nav|chain-x-in-same-form-post-top|url-backslash-at)$/.test(id));
  const { chromium, results } = await record({ only: sample });
  const differ = sample.filter((id) => JSON.stringify(results[id]) !== JSON.stringify(saved.results[id]));
  console.log(`# ${sample.length - differ.length}/${sample.length} live scenarios match the saved results (saved with ${saved.chromium}, now ${chromium})`);
  if (chromium !== saved.chromium && differ.length > 0) {
    // Another Chromium behaves differently: that is news, not a regression of the jar. Say so
    // loudly; the saved file (and the jar) are then re-checked with record-chromium.mjs.
    t.skip(`Chromium ${chromium} differs from the saved ${saved.chromium} on ${differ.join("; ")} — run node tests/cookies/record-chromium.mjs`);
    return;
  }
  assert.deepEqual(differ.map((id) => `${id}: live ${JSON.stringify(results[id])}, saved ${JSON.stringify(saved.results[id])}`), []);
});
