// The page's first module has no RSA, ECDSA or EdDSA arithmetic of its own:
// the core decides everything and Chromium's WebCrypto does the last step
// (web/src/webcrypto.rs); ES256K, which WebCrypto lacks, is put to the labs
// module's core (loaded for it). Tokens and keys are made by Node's OpenSSL, an
// independent signer; each is pasted into the page with its public key (PEM
// or JWK), verified, then changed and refused.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { generateKeyPairSync, sign as nodeSign } from "node:crypto";
import { serve, launch, watch, root } from "./harness.mjs";

const NOW = 1795000000;
const b64 = (o) => Buffer.from(JSON.stringify(o)).toString("base64url");

// [alg, key type and options, sign's digest, sign's options]
const CASES = [
  ["RS256", ["rsa", { modulusLength: 2048 }], "sha256", {}],
  ["PS384", ["rsa", { modulusLength: 2048 }], "sha384", { padding: 6, saltLength: 48 }],
  ["ES256", ["ec", { namedCurve: "P-256" }], "sha256", { dsaEncoding: "ieee-p1363" }],
  ["ES384", ["ec", { namedCurve: "P-384" }], "sha384", { dsaEncoding: "ieee-p1363" }],
  ["ES512", ["ec", { namedCurve: "P-521" }], "sha512", { dsaEncoding: "ieee-p1363" }],
  ["ES256K", ["ec", { namedCurve: "secp256k1" }], "sha256", { dsaEncoding: "ieee-p1363" }],
  ["EdDSA", ["ed25519", {}], null, {}],
];

function make([alg, [type, options], digest, signOptions], form) {
  const { privateKey, publicKey } = generateKeyPairSync(type, options);
  const input = `${b64({ alg, typ: "JWT" })}.${b64({ sub: "ada", iat: NOW - 60, exp: NOW + 600 })}`;
  const sig = nodeSign(digest, Buffer.from(input), { key: privateKey, ...signOptions }).toString("base64url");
  const key = form === "jwk" ? JSON.stringify(publicKey.export({ format: "jwk" })) : publicKey.export({ type: "spki", format: "pem" });
  return { token: `${input}.${sig}`, changed: `${input.slice(0, -2)}${input.endsWith("A") ? "Q" : "A"}.${sig}`, key };
}

let server, browser, page, seen;
before(async () => {
  assert.ok(existsSync(join(root, "dist/index.html")), "run `trunk build --release` first");
  server = await serve({ "/": join(root, "dist") });
  browser = await launch();
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
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

for (const c of CASES) {
  for (const form of ["pem", "jwk"]) {
    test(`${c[0]} (${form} key): verified (WebCrypto; ES256K: the labs module's core), a changed payload refused`, async () => {
      const { token, changed, key } = make(c, form);
      await page.fill("#key-input", key);
      await page.fill("#token-input", token);
      await page.waitForFunction(() => !/Checking/.test(document.querySelector("#verdict")?.textContent ?? "Checking"));
      assert.match(await page.textContent("#verdict"), /^Verified/, `${c[0]}: ${await page.textContent("#verdict")}`);
      await page.fill("#token-input", changed);
      await page.waitForFunction(() => !/Checking/.test(document.querySelector("#verdict")?.textContent ?? "Checking"));
      assert.match(await page.textContent("#verdict"), /^(Invalid signature|Not a valid JWT)/, c[0]);
    });
  }
}

test("the core still refuses before WebCrypto is asked: a signature of the wrong length", async () => {
  const { token, key } = make(CASES[2], "jwk");
  await page.fill("#key-input", key);
  await page.fill("#token-input", `${token.slice(0, token.lastIndexOf("."))}.AAAA`);
  assert.match(await page.textContent("#verdict"), /^Invalid signature.*must be 64 bytes, found 3/);
  assert.deepEqual(seen.problems, []);
  assert.ok(seen.requests.every((u) => u.startsWith(server.origin)), seen.requests.join("\n"));
});

test("a JWK Set of 150 keys and a token with no kid: every key is asked once, and the page settles on the one that verifies", async () => {
  const pairs = Array.from({ length: 150 }, () => generateKeyPairSync("ec", { namedCurve: "P-256" }));
  const input = `${b64({ alg: "ES256" })}.${b64({ sub: "ada", exp: NOW + 600 })}`;
  const signer = pairs[137];
  const sig = nodeSign("sha256", Buffer.from(input), { key: signer.privateKey, dsaEncoding: "ieee-p1363" }).toString("base64url");
  const jwks = JSON.stringify({ keys: pairs.map((p) => p.publicKey.export({ format: "jwk" })) });
  await page.fill("#key-input", jwks);
  await page.fill("#token-input", `${input}.${sig}`);
  await page.waitForFunction(() => /^Verified/.test(document.querySelector("#verdict")?.textContent ?? ""), null, { timeout: 20000 });
  // Settled: still verified a moment later, and no longer checking.
  await page.waitForTimeout(300);
  assert.match(await page.textContent("#verdict"), /^Verified/);
});

test("ES256K when the labs module loads but cannot start: the verdict says not checked, never verified, and does not hang", async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, serviceWorkers: "block" });
  // The labs' boot script replaced by one that fails as a failed start does.
  await context.route(/\/labs-[0-9a-f]+\.js$/, (route) =>
    route.fulfill({ contentType: "text/javascript", body: 'dispatchEvent(new CustomEvent("jwtlens-labs-failed")); throw new Error("cannot start");' }),
  );
  const failing = await context.newPage();
  await failing.clock.setFixedTime(new Date(NOW * 1000));
  await failing.goto(server.origin + "/");
  await failing.waitForSelector("#token-input");
  const { token, key } = make(CASES[5], "jwk");
  await failing.fill("#key-input", key);
  await failing.fill("#token-input", token);
  await failing.waitForFunction(() => !/Checking/.test(document.querySelector("#verdict")?.textContent ?? "Checking"));
  const verdict = await failing.textContent("#verdict");
  assert.doesNotMatch(verdict, /^Verified/, verdict);
  assert.match(verdict, /not (been )?checked|could not be checked|Not checked/i, verdict);
  await context.close();
});
