// RFC 9901 (SD-JWT) through the npm face: every case of tests/vectors/sd-jwt/cases.json
// via verifySdJwt, with the case's clock, keys, nonce and audience (the Rust harness,
// crates/jwtlens/tests/sd_jwt_vectors.rs, runs the same cases in the core).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { installed } from "./install.mjs";

const dir = join(dirname(fileURLToPath(import.meta.url)), "../vectors/sd-jwt");
const read = (f) => readFileSync(join(dir, f), "utf8");
// As in the Rust harness: a numeric kid is refused by jwtlens's strict JOSE header parser.
const KNOWN = new Set(["sd-jwt-python/header_mod/issuance", "sd-jwt-python/header_mod/presentation"]);

// Through Node's OpenSSL (verifySdJwt) and through WebCrypto (verifySdJwtAsync, as in
// browsers): the issuer's signatures and the holder's key binding alike.
for (const arithmetic of ["platform", "webcrypto"]) {
  test(`RFC 9901 vectors through ${arithmetic === "platform" ? "verifySdJwt (OpenSSL)" : "verifySdJwtAsync (WebCrypto)"}`, async () => {
    const jwt = await installed("sd-jwt");
    const cases = JSON.parse(read("cases.json"));
    const wrong = [];
    let passed = 0;
    for (const c of cases) {
      const key = jwt.importKey(read(c.issuer_key_file), { format: "jwk", arithmetic });
      const options = {
        now: c.now,
        policy: { leeway: 0 },
        keyBinding: {
          required: !!c.require_kb,
          forbidden: c.kind === "issuance",
          maxAge: c.kb_max_age_seconds ?? 300,
          ...(c.nonce === undefined ? {} : { nonce: c.nonce }),
          ...(c.aud === undefined ? {} : { audience: c.aud }),
        },
      };
      const r = arithmetic === "platform" ? jwt.verifySdJwt(read(c.file), key, options) : await jwt.verifySdJwtAsync(read(c.file), key, options);
      const ok = c.expect === "valid"
        ? r.status === "valid" && JSON.stringify(sorted(r.processed.payload)) === JSON.stringify(sorted(JSON.parse(read(c.expected_payload_file))))
        : r.status !== "valid" && typeof r.error?.code === "string";
      if (ok) passed++;
      else if (!KNOWN.has(c.name)) wrong.push(`${c.name}: expected ${c.expect}, got ${r.status}: ${r.message}`);
    }
    console.log(`# RFC 9901 vectors via npm (${arithmetic}): ${passed}/${cases.length} as expected (${KNOWN.size} known divergences)`);
    assert.deepEqual(wrong, []);
  });
}

test("decodeSdJwt reads without verifying; bad input is a located JwtlensError", async () => {
  const jwt = await installed("sd-jwt");
  const u = jwt.decodeSdJwt(read("rfc9901/simple/presentation.txt"));
  assert.equal(u.verified, false);
  assert.equal(u.processed.payload.given_name, "John");
  assert.throws(() => jwt.decodeSdJwt("a.b.c"), (e) => e.name === "JwtlensError" && e.code === "format");
  assert.throws(() => jwt.decodeSdJwt("a.b.c~!!~"), (e) => e.code === "disclosure" && e.offset === 6);
  assert.throws(() => jwt.verifySdJwt("a.b.c~", "x".repeat(32), { now: false }), /always judges times/);
  assert.throws(() => jwt.verifySdJwt("a.b.c~", "x".repeat(32), { keyBinding: { nonse: "1" } }), /nonse/);
});

// Object keys sorted, so that JSON equality ignores member order.
function sorted(v) {
  if (Array.isArray(v)) return v.map(sorted);
  if (v && typeof v === "object") return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sorted(v[k])]));
  return v;
}

test("issue, present with key binding, verify: the package end to end", async () => {
  const jwt = await installed("sd-jwt");
  const signing = await installed("sign");
  const issuer = signing.generateKey("ES256");
  const holder = signing.generateKey("EdDSA");
  const claims = { iss: "https://issuer.example", sub: "ada", email: "ada@example.com", age_over_18: true };
  const issued = signing.issueSdJwt("ES256", claims, { disclosable: ["email", "age_over_18"], decoys: 2, holderJwk: holder.publicJwk }, issuer.privateJwk);
  assert.equal(issued.disclosures.length, 2);
  const now = 1_800_000_000;
  const shown = signing.presentSdJwt(issued.sdJwt, ["age_over_18"], {
    keyBinding: { key: holder.privateJwk, alg: "EdDSA", nonce: "n-1", audience: "https://verifier.example", now },
  });
  const kb = { required: true, nonce: "n-1", audience: "https://verifier.example" };
  const r = jwt.verifySdJwt(shown, jwt.importKey(JSON.stringify(issuer.publicJwk)), { now, keyBinding: kb });
  assert.equal(r.status, "valid", r.message);
  assert.deepEqual(Object.keys(r.processed.payload).sort(), ["age_over_18", "cnf", "iss", "sub"]);
  assert.equal(r.processed.undisclosedDigests, 3);
  // A holder key with a private part, or a secret, is refused for cnf.
  assert.throws(() => signing.issueSdJwt("ES256", claims, { disclosable: [], holderJwk: holder.privateJwk }, issuer.privateJwk), /private member/);
  assert.throws(() => signing.issueSdJwt("ES256", claims, { disclosable: ["phone"] }, issuer.privateJwk), /no claim "phone"/);
  assert.throws(() => signing.issueSdJwt("ES256", claims, { disclosabel: [] }, issuer.privateJwk), /disclosabel/);
});

test("JWE: decrypt (jwtlens/sign) with a JWK or a password; one opaque error for tampering", async () => {
  const signing = await installed("sign");
  const a3 = JSON.parse(readFileSync(join(dir, "../jwe/rfc7516/A.3.json"), "utf8"));
  const d = signing.decrypt(a3.output.compact, a3.input.key);
  assert.equal(d.plaintext, "Live long and prosper.");
  assert.deepEqual([d.alg, d.enc], ["A128KW", "A128CBC-HS256"]);
  assert.ok(d.steps.length >= 2);
  const tampered = a3.output.compact.replace(/\.U0m_/, ".U1m_");
  assert.throws(() => signing.decrypt(tampered, a3.input.key), (e) => e.name === "JwtlensError" && e.code === "decryption");
  const pbes2 = JSON.parse(readFileSync(join(dir, "../jwe/ietf-jose-cookbook/jwe/5_3.key_wrap_using_pbes2-aes-keywrap_with-aes-cbc-hmac-sha2.json"), "utf8"));
  assert.equal(signing.decrypt(pbes2.output.compact, { password: pbes2.input.pwd }).plaintext, pbes2.input.plaintext);
});

test("inspect and verify recognise an SD-JWT: its issuer-signed JWT reported, an sd_jwt notice, never valid", async () => {
  const jwt = await installed();
  const text = read("rfc9901/simple/presentation.txt");
  const r = jwt.inspect(text);
  assert.equal(r.kind, "jws");
  assert.deepEqual(r.errors, []);
  const notice = r.notices.find((n) => n.code === "sd_jwt");
  assert.match(notice.message, /disclosures and a Key Binding JWT follow the issuer-signed JWT/);
  const key = jwt.importKey(read("keys/issuer.public.jwk.json"), { format: "jwk" });
  const v = jwt.verify(text, key, { now: 1_748_537_243 });
  assert.equal(v.verification.status, "verified");
  assert.equal(v.verdict.status, "malformed");
  assert.match(v.verdict.message, /SD-JWT/);
  assert.equal(jwt.verifyFast(text, key, { now: 1_748_537_243 }).valid, false);
});

test("one JwtlensKey for both modules: a key imported by jwtlens verifies an SD-JWT in jwtlens/sd-jwt, and back", async () => {
  const root = await installed();
  const sd = await installed("sd-jwt");
  const text = read("rfc9901/simple/presentation.txt");
  const options = { now: 1_748_537_243, keyBinding: { required: true, nonce: "1234567890", audience: "https://verifier.example.org" } };
  for (const arithmetic of ["platform", "webcrypto"]) {
    const fromRoot = root.importKey(read("keys/issuer.public.jwk.json"), { format: "jwk", arithmetic });
    assert.equal(fromRoot.arithmetic, arithmetic);
    const r = arithmetic === "platform" ? sd.verifySdJwt(text, fromRoot, options) : await sd.verifySdJwtAsync(text, fromRoot, options);
    assert.equal(r.status, "valid", r.message);
    // A key imported here serves the JWT module, with the same summary.
    const fromSd = sd.importKey(read("keys/issuer.public.jwk.json"), { format: "jwk", arithmetic });
    assert.deepEqual(fromSd.keys, fromRoot.keys);
    assert.equal(root.verify(text.split("~")[0], fromSd, { now: 1_748_537_243 }).verification.status, arithmetic === "platform" ? "verified" : "unchecked");
  }
  // The other issuer's key does not verify; key text is imported with format "auto".
  const another = (await installed("sign")).generateKey("ES256").publicJwk;
  const other = sd.verifySdJwt(text, JSON.stringify(another), options);
  assert.equal(other.status, "invalid");
  assert.equal(other.error.code, "issuer");
  assert.throws(() => sd.verifySdJwt(text, { keys: [] }, options), (e) => e.code === "invalid_argument" && /importKey/.test(e.message));
});
