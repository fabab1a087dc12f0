// Wycheproof through the npm package: every primitive vector set runs through
// `verifySignature`, the check a token's verification ends with, once with the
// core's own arithmetic and once with Node's OpenSSL behind the core's checks
// (the default in Node). Each prints its pass count; any unexpected verdict fails.
//
// Data: tests/vectors/wycheproof (C2SP/wycheproof @ dac1dd47, Apache-2.0; see PROVENANCE.md).
// The same skips as crates/jwtlens/tests/wycheproof.rs: HMAC groups with a truncated tag
// or a key shorter than the hash (not JWS HS*), and the salt-length-0 PSS file (not PS256).
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { installed } from "./install.mjs";

let jwtlens;
before(async () => {
  jwtlens = await installed();
});

const dir = new URL("../vectors/wycheproof/testvectors_v1/", import.meta.url);
const load = (name) => JSON.parse(readFileSync(new URL(name, dir), "utf8"));
const hex = (s) => Uint8Array.from(Buffer.from(s, "hex"));

const SETS = [
  ...[2048, 3072, 4096].flatMap((bits) =>
    [256, 384, 512].map((sha) => [`rsa_signature_${bits}_sha${sha}_test.json`, `RS${sha}`]),
  ),
  ["rsa_pss_2048_sha256_mgf1_32_test.json", "PS256"],
  ["rsa_pss_3072_sha256_mgf1_32_test.json", "PS256"],
  ["rsa_pss_4096_sha256_mgf1_32_test.json", "PS256"],
  ["rsa_pss_2048_sha384_mgf1_48_test.json", "PS384"],
  ["rsa_pss_4096_sha384_mgf1_48_test.json", "PS384"],
  ["rsa_pss_4096_sha512_mgf1_64_test.json", "PS512"],
  ["ecdsa_secp256r1_sha256_p1363_test.json", "ES256"],
  ["ecdsa_secp384r1_sha384_p1363_test.json", "ES384"],
  ["ecdsa_secp521r1_sha512_p1363_test.json", "ES512"],
  ["ecdsa_secp256k1_sha256_p1363_test.json", "ES256K"],
  ["ed25519_test.json", "EdDSA"],
  ["hmac_sha256_test.json", "HS256"],
  ["hmac_sha384_test.json", "HS384"],
  ["hmac_sha512_test.json", "HS512"],
];

async function run(file, alg, arithmetic) {
  const bits = Number(alg.slice(2)) || 0;
  let passed = 0;
  let skipped = 0;
  const failures = [];
  for (const g of load(file).testGroups) {
    const hmac = alg.startsWith("HS");
    if (hmac && !(g.tagSize === bits && g.keySize >= bits)) {
      skipped += g.tests.length;
      continue;
    }
    const groupKey = hmac ? null : jwtlens.importKey(g.publicKeyPem, { arithmetic });
    if (groupKey) assert.equal(groupKey.arithmetic, arithmetic);
    for (const t of g.tests) {
      const key = groupKey ?? jwtlens.importKey(t.key, { format: "secret", encoding: "hex", arithmetic });
      const r =
        arithmetic === "webcrypto"
          ? await jwtlens.verifySignatureAsync(alg, key, hex(t.msg), hex(t.sig ?? t.tag))
          : jwtlens.verifySignature(alg, key, hex(t.msg), hex(t.sig ?? t.tag));
      if (t.result === "acceptable" || r.valid === (t.result === "valid")) passed += 1;
      else failures.push(`tcId ${t.tcId} (${t.result}, ${t.comment}): got ${r.valid ? "valid" : r.message}`);
    }
  }
  return { passed, skipped, failures };
}

for (const arithmetic of ["webcrypto", "platform"]) {
  test(`wycheproof primitives through verifySignature, ${arithmetic} arithmetic`, async () => {
    for (const [file, alg] of SETS) {
      const { passed, skipped, failures } = await run(file, alg, arithmetic);
      console.log(`wycheproof ${file} (${arithmetic}): ${passed}/${passed + failures.length} as expected, ${skipped} skipped`);
      assert.deepEqual(failures, [], `${file} (${arithmetic})`);
    }
  });
}

test("the Node entry hands RSA/ECDSA/EdDSA arithmetic to OpenSSL (or WebCrypto, asynchronously); HMAC and decisions stay in the core", async () => {
  const signing = await installed("sign");
  const secret = jwtlens.importKey("0123456789abcdef0123456789abcdef");
  assert.equal(secret.arithmetic, "platform");
  assert.equal(jwtlens.importKey("x".repeat(32), { arithmetic: "webcrypto" }).arithmetic, "webcrypto");
  // The wasm has no public-key arithmetic of its own to ask for.
  assert.throws(() => jwtlens.importKey("x".repeat(32), { arithmetic: "core" }), { code: "invalid_argument", message: /is gone/ });
  assert.throws(() => jwtlens.importKey("x", { arithmetic: "gpu" }), { code: "invalid_argument" });
  // A public key's summary carries its JWK; a secret's never does.
  assert.equal(secret.keys[0].jwk, undefined);
  const ed = signing.generateKey("EdDSA");
  const pub = jwtlens.importKey(JSON.stringify(ed.publicJwk));
  assert.deepEqual(pub.keys[0].jwk, { crv: "Ed25519", kty: "OKP", x: ed.publicJwk.x });
  // The core refuses before any arithmetic: a wrong-length signature, the key confusion.
  const short = jwtlens.verifySignature("EdDSA", pub, "a.b", new Uint8Array(63));
  assert.equal(short.valid, false);
  assert.equal(short.error.code, "signature_length");
  const confused = jwtlens.verifySignature("HS256", pub, "a.b", new Uint8Array(32));
  assert.equal(confused.error.code, "key_mismatch");
  // Both arithmetics agree on a real signature and on a tampered one.
  const token = signing.sign({ alg: "EdDSA" }, { sub: "ada" }, ed.privateJwk);
  const [h, p, s] = token.split(".");
  for (const arithmetic of ["webcrypto", "platform"]) {
    const k = jwtlens.importKey(JSON.stringify(ed.publicJwk), { arithmetic });
    assert.equal((await jwtlens.verifySignatureAsync("EdDSA", k, `${h}.${p}`, Buffer.from(s, "base64url"))).valid, true);
    assert.equal((await jwtlens.verifySignatureAsync("EdDSA", k, `${h}.${p}x`, Buffer.from(s, "base64url"))).valid, false);
    assert.equal((await jwtlens.verifyFastAsync(token, k)).valid, true);
  }
  assert.throws(() => jwtlens.verifySignature("EdDSA", pub, 42, new Uint8Array(64)), { code: "invalid_argument" });
  assert.throws(() => jwtlens.verifySignature("XX1", pub, "a", new Uint8Array(64)), { code: "invalid_argument" });
});
