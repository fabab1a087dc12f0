// JWE in the page. Decryption lives in the labs module, which the page loads
// when a JWE is pasted (not in the first view): the panel decrypts with the key
// box's private JWK or password, lists each step and opens a nested JWT in the
// decoder. The Encoder nests its signed token in a JWE for a recipient's key.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { serve, launch, watch, root, outputDir } from "./harness.mjs";

const NESTED = JSON.parse(readFileSync(join(root, "tests/vectors/jwe/ietf-jose-cookbook/6.nesting_signatures_and_encryption.json"), "utf8"));
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

let server, browser;
before(async () => {
  assert.ok(existsSync(join(root, "dist/index.html")), "run `trunk build --release` first");
  server = await serve({ "/": join(root, "dist") });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const labsLoaded = (requests) => requests.filter((u) => /\/labs-[0-9a-f]+\.js$/.test(u)).length;

test("a pasted JWE loads the decryptor on demand; the private JWK decrypts it, the steps are listed, the nested JWT opens", async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1100 }, serviceWorkers: "block" });
  const page = await context.newPage();
  const seen = watch(context, page);
  await page.goto(server.origin + "/");
  await page.waitForSelector("#token-input");
  await page.click("#example");
  assert.equal(labsLoaded(seen.requests), 0, "a JWS does not load the labs module");
  await page.fill("#token-input", NESTED.encrypt.output.compact);
  await page.waitForSelector("#panel-jwe");
  assert.equal(labsLoaded(seen.requests), 1, "a JWE does, once");
  assert.match(await page.textContent("#panel-jwe .status"), /encrypted/);
  // The five parts (RFC 7516 §7.1), each its own colour, with a legend that names them.
  const classes = await page.$$eval("#token-view span", (els) => els.map((e) => e.className));
  for (const c of ["seg-header", "seg-payload", "seg-jwe", "seg-signature", "seg-tag"]) assert.ok(classes.some((x) => x.includes(c)), c);
  assert.match(await page.textContent(".token-view-wrap .legend"), /header · encrypted key · IV · ciphertext · tag/);
  await page.fill("#key-input", JSON.stringify(NESTED.encrypt.input.key));
  await page.waitForSelector("#jwe-status");
  assert.match(await page.textContent("#jwe-status"), /Decrypted with the private JWK: RSA-OAEP with A128GCM/);
  assert.ok((await page.$$("#jwe-steps li")).length >= 2);
  for (const scheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      const r = await window.axe.run("#main", { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } });
      return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
    });
    assert.deepEqual(violations, [], scheme);
    await page.screenshot({ path: join(outputDir, `jwe-decrypted-${scheme}.png`), fullPage: true });
  }
  await page.click("#jwe-open-inner");
  await page.waitForFunction(() => /"alg": "PS256"/.test(document.querySelector("#panel-header")?.textContent ?? ""));
  // A changed tag: the one opaque sentence.
  await page.fill("#token-input", NESTED.encrypt.output.compact.slice(0, -3) + "AAA");
  await page.waitForSelector("#panel-jwe [role=alert]");
  assert.match(await page.textContent("#panel-jwe [role=alert]"), /the key is wrong, or the JWE was modified/);
  assert.deepEqual(seen.problems, []);
  assert.ok(seen.requests.every((u) => u.startsWith(server.origin)), seen.requests.join("\n"));
  await context.close();
});

test("the Encoder nests its signed token in a JWE; the decoder decrypts it with the generated private key and verifies the inner token", async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1100 } });
  const page = await context.newPage();
  const seen = watch(context, page);
  await page.goto(server.origin + "/");
  await page.click("#tab-encoder");
  await page.waitForSelector("#enc-alg");
  await page.selectOption("#enc-alg", "ES256");
  await page.click("#enc-generate");
  await page.waitForSelector("#enc-token");
  const signerPublic = await page.textContent("#enc-public pre");
  await page.click("#enc-jwe summary");
  for (const [alg, enc] of [["ECDH-ES+A256KW", "A256GCM"], ["A128KW", "A128CBC-HS256"], ["PBES2-HS256+A128KW", "A128GCM"], ["dir", "A256CBC-HS512"]]) {
    await page.selectOption("#enc-jwe-alg", alg);
    await page.selectOption("#enc-jwe-enc", enc);
    await page.click("#enc-jwe-generate");
    await page.waitForSelector("#enc-jwe-token");
    const jwe = await page.textContent("#enc-jwe-token");
    assert.equal(jwe.split(".").length, 5, alg);
    assert.equal(JSON.parse(Buffer.from(jwe.split(".")[0], "base64url")).alg, alg);
  }
  // The last one (ECDH-ES+A256KW) opened in the decoder with the recipient's private key.
  await page.selectOption("#enc-jwe-alg", "ECDH-ES+A256KW");
  await page.selectOption("#enc-jwe-enc", "A256GCM");
  await page.click("#enc-jwe-generate");
  await page.waitForSelector("#enc-jwe-token");
  const recipientPrivate = await page.textContent("#enc-jwe-private pre");
  await page.screenshot({ path: join(outputDir, "encoder-jwe.png"), fullPage: true });
  await page.click("#enc-jwe-open");
  await page.waitForSelector("#panel-jwe");
  await page.fill("#key-input", recipientPrivate);
  await page.waitForSelector("#jwe-open-inner");
  await page.click("#jwe-open-inner");
  // The inner ES256 token, verified with the signer's public key (WebCrypto).
  await page.fill("#key-input", signerPublic);
  await page.waitForFunction(() => /^Verified/.test(document.querySelector("#verdict")?.textContent ?? ""));
  assert.deepEqual(seen.problems, []);
  await context.close();
});

test("when the labs script cannot load, the JWE panel's place says so and the waiting request is dropped", async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1100 }, serviceWorkers: "block" });
  await context.route(/\/labs-[0-9a-f]+\.js$/, (route) => route.abort());
  const page = await context.newPage();
  await page.goto(server.origin + "/");
  await page.waitForSelector("#token-input");
  await page.fill("#key-input", JSON.stringify(NESTED.encrypt.input.key));
  await page.fill("#token-input", NESTED.encrypt.output.compact);
  await page.waitForFunction(() => /could not be loaded/.test(document.querySelector("#jwe-root")?.textContent ?? ""));
  assert.equal(await page.getAttribute("#jwe-root", "role"), "alert");
  assert.equal(await page.evaluate(() => "jwtlensPendingJwe" in window), false, "the request (with its private key) is not kept");
  assert.equal(await page.evaluate(() => document.getElementById("labs-script")), null, "a later view may retry");
  await context.close();
});
