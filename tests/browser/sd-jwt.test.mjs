// An SD-JWT pasted into the decoder (RFC 9901 §5's presentation): the SD-JWT panel
// lists the disclosures and the payload they make, unverified until the issuer's key
// is given; the panels below show the issuer-signed JWT. Clock pinned.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { serve, launch, watch, root, outputDir } from "./harness.mjs";

const vectors = join(root, "tests/vectors/sd-jwt");
const PRESENTATION = readFileSync(join(vectors, "rfc9901/simple/presentation.txt"), "utf8");
const ISSUER_KEY = readFileSync(join(vectors, "keys/issuer.public.jwk.json"), "utf8");
const NOW = 1_748_537_243;
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

// A fresh page at the pinned time, its token box ready.
async function openPage() {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1100 } });
  const page = await context.newPage();
  const seen = watch(context, page);
  await page.clock.setFixedTime(new Date(NOW * 1000));
  await page.goto(server.origin + "/");
  await page.waitForSelector("#token-input");
  return { context, page, seen };
}

// The Encoder, ES256, with a key pair it has just generated.
async function encoderWithNewKey(page) {
  await page.click("#tab-encoder");
  await page.selectOption("#enc-alg", "ES256");
  await page.click("#enc-generate");
}

test("an SD-JWT shows its disclosures, then its verdict once the issuer's key is given", async () => {
  const { context, page, seen } = await openPage();
  await page.fill("#token-input", PRESENTATION);
  await page.waitForSelector("#panel-sd-jwt");
  const rows = await page.$$eval("#panel-sd-jwt tbody tr", (trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent)));
  assert.deepEqual(rows.map((r) => r[1]), ["family_name", "address", "given_name", "(array element)"]);
  assert.equal(rows[3][3], "/nationalities/0");
  const payload = JSON.parse(await page.textContent("#sd-jwt-payload"));
  assert.equal(payload.given_name, "John");
  assert.deepEqual(payload.nationalities, ["US"]);
  assert.match(await page.textContent("#panel-sd-jwt .status"), /not verified/);
  // The panels below read the issuer-signed JWT: its header decodes, no error for the '~'.
  assert.match(await page.textContent("#panel-header"), /example\+sd-jwt/);
  await page.fill("#key-input", ISSUER_KEY);
  await page.waitForFunction(() => /valid/.test(document.querySelector("#panel-sd-jwt .status")?.textContent ?? "") && !/not verified/.test(document.querySelector("#panel-sd-jwt .status").textContent));
  assert.equal(await page.textContent("#panel-sd-jwt .status"), "issuer and disclosures valid; key binding not checked");
  assert.match(await page.textContent("#sd-jwt-verdict"), /4 disclosures fit the payload/);
  await page.screenshot({ path: join(outputDir, "sd-jwt.png"), fullPage: true });
  // No accessibility violations in the SD-JWT panel, light and dark.
  for (const scheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      const r = await window.axe.run("#panel-sd-jwt", { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } });
      return r.violations.map((v) => `${v.id}: ${v.nodes.length}× ${v.nodes[0].target.join(" ")}`);
    });
    assert.deepEqual(violations, [], scheme);
  }
  // The KB-JWT is not checked here, and the page does not say there is none.
  assert.doesNotMatch(await page.textContent("#panel-sd-jwt"), /No Key Binding JWT/);
  // On a phone the page does not scroll sideways (the table scrolls within itself).
  await page.setViewportSize({ width: 390, height: 844 });
  const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  assert.ok(scroll <= inner, `scrollWidth ${scroll} > ${inner} at 390 px`);
  await page.screenshot({ path: join(outputDir, "sd-jwt-390.png"), fullPage: false });
  await page.setViewportSize({ width: 1400, height: 1100 });
  // A changed disclosure is refused, with the reason.
  await page.fill("#token-input", PRESENTATION.replace("~WyJ", "~WyJ4"));
  await page.waitForSelector("#panel-sd-jwt [role=alert]");
  assert.deepEqual(seen.problems, []);
  assert.deepEqual(seen.requests.filter((u) => !u.startsWith(server.origin)), [], "no request leaves the page's origin");
  await context.close();
});

test("the SD-JWT panel (from the labs module) follows the input: gone for a plain JWT, back for an SD-JWT, kept across tabs", async () => {
  const { context, page, seen } = await openPage();
  await page.fill("#key-input", ISSUER_KEY);
  await page.fill("#token-input", PRESENTATION);
  const status = () => page.textContent("#panel-sd-jwt .status");
  await page.waitForFunction(() => /key binding not checked/.test(document.querySelector("#panel-sd-jwt .status")?.textContent ?? ""));
  // The issuer-signed JWT alone: no SD-JWT panel, and the labs drop the one they held (with the key box's text).
  await page.fill("#token-input", PRESENTATION.slice(0, PRESENTATION.indexOf("~")));
  await page.waitForFunction(() => !document.querySelector("#panel-sd-jwt"));
  assert.equal(await page.$("#sd-jwt-root"), null);
  await page.fill("#token-input", PRESENTATION);
  await page.waitForSelector("#panel-sd-jwt");
  await page.waitForFunction(() => /key binding not checked/.test(document.querySelector("#panel-sd-jwt .status")?.textContent ?? ""));
  // A lab and back: the decoder's #sd-jwt-root is a new element; the panel is rendered there again.
  await page.click("#tab-encoder");
  await page.waitForSelector("#enc-alg");
  await page.click("#tab-decoder");
  await page.waitForSelector("#panel-sd-jwt");
  await page.waitForFunction(() => /key binding not checked/.test(document.querySelector("#panel-sd-jwt .status")?.textContent ?? ""));
  assert.equal(await status(), "issuer and disclosures valid; key binding not checked");
  // The key box's text never lands in a DOM attribute.
  assert.equal(await page.evaluate(() => document.documentElement.outerHTML.includes("BEGIN") || /"kty"/.test([...document.querySelectorAll("*")].flatMap((e) => [...e.attributes].map((a) => a.value)).join(" "))), false);
  assert.deepEqual(seen.problems, []);
  await context.close();
});

test("the Encoder issues an SD-JWT and a presentation, which the decoder reads and verifies", async () => {
  const { context, page, seen } = await openPage();
  await encoderWithNewKey(page);
  const publicJwk = await page.textContent("#enc-public pre");
  await page.fill("#enc-claims", '{"iss":"https://issuer.example","sub":"ada","email":"ada@example.com","age_over_18":true}');
  await page.click(".sd-options summary");
  await page.fill("#enc-sd", "email, age_over_18");
  await page.fill("#enc-decoys", "3");
  const issued = await page.textContent("#enc-token");
  assert.equal(issued.split("~").length, 4, "JWT~D1~D2~");
  assert.ok(issued.endsWith("~"));
  await page.fill("#enc-keep", "age_over_18");
  const shown = await page.textContent("#enc-token");
  assert.equal(shown.split("~").length, 3, "JWT~D~");
  await page.screenshot({ path: join(outputDir, "sd-jwt-encoder.png"), fullPage: true });
  await page.click("#enc-open");
  await page.waitForSelector("#panel-sd-jwt");
  const payload = JSON.parse(await page.textContent("#sd-jwt-payload"));
  assert.deepEqual([payload.age_over_18, payload.email], [true, undefined]);
  assert.match(await page.textContent("#panel-sd-jwt"), /4 digest\(s\) left undisclosed/);
  await page.fill("#key-input", publicJwk);
  await page.waitForFunction(() => document.querySelector("#panel-sd-jwt .status")?.textContent === "valid");
  assert.deepEqual(seen.problems, []);
  await context.close();
});


test("the Encoder's holder key adds cnf and a Key Binding JWT, which the npm verifySdJwt accepts with the nonce and audience", async () => {
  const { context, page, seen } = await openPage();
  await encoderWithNewKey(page);
  const issuerJwk = await page.textContent("#enc-public pre");
  await page.fill("#enc-claims", `{"iss":"https://issuer.example","sub":"ada","email":"ada@example.com","exp":${NOW + 3600}}`);
  await page.click(".sd-options summary");
  await page.fill("#enc-sd", "email");
  await page.click("#enc-holder-generate");
  await page.fill("#enc-kb-nonce", "nonce-42");
  await page.fill("#enc-kb-aud", "https://verifier.example");
  await page.waitForFunction(() => !(document.querySelector("#enc-token")?.textContent ?? "~").endsWith("~"));
  const presentation = await page.textContent("#enc-token");
  assert.equal(presentation.split("~").length, 3, "JWT~D~KB-JWT");
  const kb = JSON.parse(Buffer.from(presentation.split("~")[2].split(".")[0], "base64url"));
  assert.deepEqual([kb.typ, kb.alg], ["kb+jwt", "ES256"]);
  // An independent check: the npm package's verifySdJwt, with the verifier's nonce and audience.
  const { installed } = await import("../npm/install.mjs");
  const jwt = await installed("sd-jwt");
  const keyBinding = { required: true, nonce: "nonce-42", audience: "https://verifier.example" };
  const r = jwt.verifySdJwt(presentation, jwt.importKey(issuerJwk), { now: NOW, keyBinding });
  assert.equal(r.status, "valid", r.message);
  assert.equal(r.processed.payload.email, "ada@example.com");
  const replayed = jwt.verifySdJwt(presentation, jwt.importKey(issuerJwk), { now: NOW, keyBinding: { ...keyBinding, nonce: "other" } });
  assert.notEqual(replayed.status, "valid");
  // The decoder reads it as SD-JWT+KB.
  await page.click("#enc-open");
  await page.waitForSelector("#panel-sd-jwt");
  assert.match(await page.textContent("#panel-sd-jwt"), /SD-JWT\+KB/);
  assert.deepEqual(seen.problems, []);
  await context.close();
});

test("offline: a labs script that could not load is not fetched again by the clock's tick; the reader's next change retries", async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1100 }, serviceWorkers: "block" });
  let fetched = 0;
  await context.route(/\/labs-[0-9a-f]+\.js$/, (route) => {
    fetched += 1;
    return route.abort();
  });
  const page = await context.newPage();
  await page.clock.install({ time: new Date(NOW * 1000) });
  await page.goto(server.origin + "/");
  await page.waitForSelector("#token-input");
  await page.fill("#token-input", PRESENTATION);
  await page.waitForFunction(() => /could not be loaded/.test(document.querySelector("#sd-jwt-root")?.textContent ?? ""));
  assert.equal(fetched, 1);
  // Four of the page's 10 s ticks: each judges times anew, none fetches the labs again.
  await page.clock.runFor(40_000);
  assert.equal(fetched, 1, "the clock does not retry the labs");
  assert.match(await page.textContent("#sd-jwt-root"), /could not be loaded/);
  // A change the reader makes does.
  await page.fill("#key-input", ISSUER_KEY);
  await page.waitForFunction(() => /could not be loaded/.test(document.querySelector("#sd-jwt-root")?.textContent ?? ""));
  for (let i = 0; i < 50 && fetched < 2; i++) await new Promise((r) => setTimeout(r, 100));
  assert.equal(fetched, 2, "the reader's change retries once");
  await context.close();
});
