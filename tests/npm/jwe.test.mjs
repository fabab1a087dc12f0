// JWE against an independent implementation: jose decrypts what jwtlens encrypts
// (jwtlens/sign `encrypt`), and jwtlens decrypts what jose encrypts (`decrypt`),
// for every key management and content encryption algorithm both have, with
// keys jose generates.
import { test } from "node:test";
import assert from "node:assert/strict";
import { CompactEncrypt, compactDecrypt, generateKeyPair, generateSecret, exportJWK } from "jose";
import { installed } from "./install.mjs";

const ENCS = ["A128GCM", "A192GCM", "A256GCM", "A128CBC-HS256", "A192CBC-HS384", "A256CBC-HS512"];
const KEY_BYTES = { A128GCM: 16, A192GCM: 24, A256GCM: 32, "A128CBC-HS256": 32, "A192CBC-HS384": 48, "A256CBC-HS512": 64 };

// [alg, how to make the key pair]; jose 6 has no RSA1_5.
const ALGS = [
  ["A128KW", () => generateSecret("A128KW", { extractable: true })],
  ["A192KW", () => generateSecret("A192KW", { extractable: true })],
  ["A256KW", () => generateSecret("A256KW", { extractable: true })],
  ["A128GCMKW", () => generateSecret("A128GCMKW", { extractable: true })],
  ["A256GCMKW", () => generateSecret("A256GCMKW", { extractable: true })],
  ["RSA-OAEP", () => generateKeyPair("RSA-OAEP", { extractable: true })],
  ["RSA-OAEP-256", () => generateKeyPair("RSA-OAEP-256", { extractable: true })],
  ["ECDH-ES", () => generateKeyPair("ECDH-ES", { crv: "P-256", extractable: true })],
  ["ECDH-ES+A128KW", () => generateKeyPair("ECDH-ES+A128KW", { crv: "P-384", extractable: true })],
  ["ECDH-ES+A256KW", () => generateKeyPair("ECDH-ES+A256KW", { crv: "P-521", extractable: true })],
  ["ECDH-ES+A192KW", () => generateKeyPair("ECDH-ES+A192KW", { crv: "X25519", extractable: true })],
  ["PBES2-HS256+A128KW", null],
  ["PBES2-HS512+A256KW", null],
];

async function keysFor(alg, enc) {
  if (alg.startsWith("PBES2")) {
    const password = "correct horse battery staple";
    return { encryptFor: { password }, decryptWith: { password }, joseEncrypt: new TextEncoder().encode(password), joseDecrypt: new TextEncoder().encode(password) };
  }
  if (alg === "dir") {
    const k = await generateSecret(enc, { extractable: true });
    const jwk = await exportJWK(k);
    return { encryptFor: jwk, decryptWith: jwk, joseEncrypt: k, joseDecrypt: k };
  }
  const made = await ALGS.find(([a]) => a === alg)[1]();
  if (made.privateKey) {
    return { encryptFor: await exportJWK(made.publicKey), decryptWith: await exportJWK(made.privateKey), joseEncrypt: made.publicKey, joseDecrypt: made.privateKey };
  }
  const jwk = await exportJWK(made);
  return { encryptFor: jwk, decryptWith: jwk, joseEncrypt: made, joseDecrypt: made };
}

test("jose decrypts what jwtlens encrypts, and jwtlens decrypts what jose encrypts", async () => {
  const signing = await installed("sign");
  const plaintext = JSON.stringify({ sub: "ada", note: "é — a JWE both ways" });
  let count = 0;
  for (const alg of [...ALGS.map(([a]) => a), "dir"]) {
    for (const enc of ENCS) {
      const keys = await keysFor(alg, enc);
      const zip = count % 4 === 0;
      // jwtlens → jose
      const options = { alg, enc, kid: "k1", ...(alg.startsWith("PBES2") ? { p2c: 2048 } : {}), ...(zip ? { zip: true } : {}) };
      const ours = signing.encrypt(plaintext, keys.encryptFor, options);
      if (zip) {
        // jose 6 does not inflate zip: DEF; jwtlens reads its own.
        assert.equal(signing.decrypt(ours, keys.decryptWith).plaintext, plaintext, `${alg} ${enc} zip`);
      } else {
        const opened = await compactDecrypt(ours, keys.joseDecrypt, { keyManagementAlgorithms: [alg], contentEncryptionAlgorithms: [enc] });
        assert.equal(new TextDecoder().decode(opened.plaintext), plaintext, `jose opens jwtlens's ${alg} ${enc}`);
        assert.equal(opened.protectedHeader.kid, "k1");
      }
      // jose → jwtlens
      const theirs = await new CompactEncrypt(new TextEncoder().encode(plaintext))
        .setProtectedHeader({ alg, enc, ...(alg.startsWith("PBES2") ? { p2c: 2048 } : {}) })
        .encrypt(keys.joseEncrypt);
      const d = signing.decrypt(theirs, keys.decryptWith);
      assert.equal(d.plaintext, plaintext, `jwtlens opens jose's ${alg} ${enc}`);
      assert.deepEqual([d.alg, d.enc], [alg, enc]);
      count++;
    }
  }
  console.log(`# JWE interop with jose: ${count} algorithm pairs, both ways`);
  assert.equal(count, (ALGS.length + 1) * ENCS.length);
});

test("encrypt refuses what cannot be made, with the core's code; decrypt's error stays one", async () => {
  const signing = await installed("sign");
  const secret = { kty: "oct", k: Buffer.alloc(16, 1).toString("base64url") };
  assert.throws(() => signing.encrypt("x", secret, { alg: "RSA-OAEP", enc: "A128GCM" }), { name: "JwtlensError", code: "key" });
  assert.throws(() => signing.encrypt("x", secret, { alg: "A128KW", enc: "A64GCM" }), { code: "unsupported" });
  assert.throws(() => signing.encrypt("x", secret, { alg: "A128KW", enc: "A128GCM", zipp: true }), { code: "invalid_argument", message: /zipp/ });
  assert.throws(() => signing.encrypt("x", secret, { alg: "dir", enc: "A256GCM" }), { code: "key", message: /32-byte/ });
  assert.throws(() => signing.encrypt("x", { password: "p" }, { alg: "PBES2-HS256+A128KW", enc: "A128GCM", p2c: 2_000_000 }), { code: "unsupported" });
  const jwe = signing.encrypt(new Uint8Array([0, 255, 1]), secret, { alg: "A128KW", enc: "A128GCM" });
  const d = signing.decrypt(jwe, secret);
  assert.equal(d.plaintext, null, "not UTF-8");
  assert.equal(d.plaintextBase64url, "AP8B");
  const other = { kty: "oct", k: Buffer.alloc(16, 2).toString("base64url") };
  assert.throws(() => signing.decrypt(jwe, other), { code: "decryption" });
  // The size of each enc's key: dir takes exactly that.
  for (const [enc, n] of Object.entries(KEY_BYTES)) {
    const k = { kty: "oct", k: Buffer.alloc(n, 3).toString("base64url") };
    assert.equal(signing.decrypt(signing.encrypt("ok", k, { alg: "dir", enc }), k).plaintext, "ok");
  }
});

// The JWE manifest (tests/vectors/jwe/cases.json: RFC 7516 A, RFC 7520 §5–6, RFC 8037, constructed
// negatives) through the npm package, as crates/jwtlens/tests/jwe_vectors.rs runs it in the core.
test("JWE vectors through the npm decrypt", async () => {
  const { readFileSync } = await import("node:fs");
  const { join, dirname } = await import("node:path");
  const { fileURLToPath } = await import("node:url");
  const signing = await installed("sign");
  const dir = join(dirname(fileURLToPath(import.meta.url)), "../vectors/jwe");
  const cases = JSON.parse(readFileSync(join(dir, "cases.json"), "utf8")).filter((c) => c.kind === "decrypt");
  const pointer = (doc, p) => p.split("/").slice(1).reduce((v, k) => v?.[k.replaceAll("~1", "/").replaceAll("~0", "~")], doc);
  const wrong = [];
  let passed = 0;
  for (const c of cases) {
    const file = JSON.parse(readFileSync(join(dir, c.file), "utf8"));
    const keyFile = JSON.parse(readFileSync(join(dir, c.key_file), "utf8"));
    const jwe = pointer(file, c.jwe_pointer);
    const text = typeof jwe === "string" ? jwe : JSON.stringify(jwe);
    const keyValue = pointer(keyFile, c.key_pointer);
    const key = c.key_type === "password" ? { password: keyValue } : keyValue;
    let outcome;
    try {
      outcome = { plaintext: signing.decrypt(text, key).plaintext };
    } catch (e) {
      outcome = { error: e.code };
    }
    const ok = c.expect === "valid" ? outcome.plaintext === pointer(file, c.expected_plaintext_pointer) : outcome.error !== undefined;
    if (ok) passed++;
    else wrong.push(`${c.name}: expected ${c.expect}, got ${JSON.stringify(outcome).slice(0, 80)}`);
  }
  console.log(`# JWE vectors via npm: ${passed}/${cases.length} decrypt cases as expected`);
  assert.deepEqual(wrong, []);
  assert.equal(cases.length, 62);
});
