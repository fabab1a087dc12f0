// Size budgets of the npm package's wasm files, gzipped (what a browser or a
// CDN serves), measured with node's zlib at level 9 — about 0.6% above GNU
// `gzip -9`, which `scripts/build-npm.sh` and the README report. Sizes are
// deterministic for a toolchain, so this is a regression guard, not a timing
// test: the two JWT wasm files an import of `jwtlens` loads hold issue 10's aim
// (at most 150 KB with every algorithm): the servers' verifying build and the
// browsers' whole module; the others are held about 3% above what they measured on 2026-11-28 (zlib
// bytes in brackets), so that a change that grows one says so here and in the
// README.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { pkgDir } from "./install.mjs";

const KB = 1000;
// file: [budget in bytes, what it is]
const BUDGETS = {
  "jwtlens_verify_bg.wasm": [150 * KB, "the JWT wasm servers verify with (issue 10: at most 150 KB)"],
  "jwtlens_wasm_browser_bg.wasm": [150 * KB, "the JWT wasm browsers load (issue 10: at most 150 KB)"],
  "jwtlens_wasm_bg.wasm": [171 * KB, "the whole JWT wasm servers load for inspect and verify, and /init's (165,500)"],
  "jwtlens_sd_jwt_browser_bg.wasm": [176 * KB, "the SD-JWT wasm browsers load (170,811)"],
  "jwtlens_sd_jwt_bg.wasm": [204 * KB, "the SD-JWT wasm servers load (197,458)"],
  "jwtlens_es256k_bg.wasm": [28 * KB, "ES256K's arithmetic, loaded on demand (26,485)"],
  "jwtlens_ed25519_bg.wasm": [56 * KB, "Ed25519's per-key tables, read by Node for keys that verify often (53,145)"],
  "jwtlens_sign_bg.wasm": [453 * KB, "jwtlens/sign (439,363)"],
  "jwtlens_sandbox_bg.wasm": [290 * KB, "jwtlens/cookies and jwtlens/flows (282,204; 341,685 while the simulation's HS256 tokens went through the generic signer, which linked RSA and EC signing)"],
};

for (const [file, [budget, what]] of Object.entries(BUDGETS)) {
  test(`${file} is within its gzip budget: ${what}`, () => {
    const gz = gzipSync(readFileSync(join(pkgDir, file)), { level: 9 }).length;
    console.log(`${file}: ${gz} bytes gzipped (zlib level 9; budget ${budget})`);
    assert.ok(gz <= budget, `${file} is ${gz} bytes gzipped (zlib level 9), over its budget of ${budget}: ${what}`);
  });
}
