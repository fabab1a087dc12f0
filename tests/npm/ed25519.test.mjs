// The Ed25519 module (crates/jwtlens-wasm-ed25519, js/ed25519.js): in Node, an
// Ed25519 key that has verified 64 EdDSA tokens gets a precomputed table, and
// its later signatures are checked in that wasm instead of OpenSSL. It must
// never answer differently from OpenSSL (the oracle here: node:crypto's
// `verify` on the same bytes) or from the same key before its table.
//
// Data: tests/vectors/wycheproof (C2SP/wycheproof @ dac1dd47, Apache-2.0; see PROVENANCE.md).
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { generateKeyPairSync, sign as nodeSign, verify as nodeVerify } from "node:crypto";
import { installed, install } from "./install.mjs";

let jwtlens;
let side;
before(async () => {
  jwtlens = await installed();
  // The package's own module instance (the one its platform callback uses).
  side = await import(pathToFileURL(join(install().scratch, "node_modules/jwtlens/ed25519.js")).href);
});

const b64 = (x) => Buffer.from(x).toString("base64url");
const NOW = 1_795_000_000;
const CLAIMS = { iss: "https://issuer.example", aud: "api", sub: "ada", iat: NOW - 10, exp: NOW + 3600 };
const POLICY = { algorithms: ["EdDSA"], issuer: CLAIMS.iss, audience: CLAIMS.aud };
// L, the order of the Ed25519 group, little-endian (RFC 8032 §5.1).
const L = Buffer.from("edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010", "hex");

function signed(privateKey, claims = CLAIMS, header = { alg: "EdDSA" }) {
  const input = `${b64(JSON.stringify(header))}.${b64(JSON.stringify(claims))}`;
  return { input, sig: nodeSign(null, Buffer.from(input), privateKey) };
}

/** S + L: the same signature with a non-canonical S (RFC 8032 §5.1.7 refuses it). */
function plusL(sig) {
  const out = Buffer.from(sig);
  let carry = 0;
  for (let i = 0; i < 32; i++) {
    const v = out[32 + i] + L[i] + carry;
    out[32 + i] = v & 0xff;
    carry = v >> 8;
  }
  return out;
}

test("wycheproof ed25519 through the Ed25519 module alone (no core checks before it)", () => {
  const { scratch } = install();
  const dir = join(scratch, "node_modules/jwtlens/");
  return import(pathToFileURL(join(dir, "jwtlens_ed25519.js")).href).then((glue) => {
    glue.initSync({ module: readFileSync(join(dir, "jwtlens_ed25519_bg.wasm")) });
    const data = JSON.parse(readFileSync(new URL("../vectors/wycheproof/testvectors_v1/ed25519_test.json", import.meta.url), "utf8"));
    let passed = 0;
    const failures = [];
    for (const g of data.testGroups) {
      const table = glue.Ed25519Table.forKey(Buffer.from(g.publicKey.pk, "hex"));
      for (const t of g.tests) {
        const r = table === undefined ? 0 : table.verify(Buffer.from(t.msg, "hex"), Buffer.from(t.sig, "hex"));
        if ((r === 1) === (t.result === "valid")) passed += 1;
        else failures.push(`tcId ${t.tcId} (${t.result}, ${t.comment}): got ${r}`);
      }
    }
    console.log(`wycheproof ed25519_test.json (jwtlens_ed25519 module): ${passed}/${passed + failures.length} as expected`);
    assert.deepEqual(failures, []);
  });
});

test("a key that verifies often gets its table; every verdict after it is OpenSSL's", () => {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  const other = generateKeyPairSync("ed25519").privateKey;
  const jwk = JSON.stringify(publicKey.export({ format: "jwk" }));
  const verifier = jwtlens.createVerifier({ key: jwtlens.importKey(jwk), policy: POLICY });
  const before = side.tablesBuilt();
  const good = signed(privateKey);
  const token = `${good.input}.${b64(good.sig)}`;
  for (let i = 0; i < side.TABLE_AFTER - 1; i++) assert.equal(verifier(token, { now: NOW }).valid, true);
  assert.equal(side.tablesBuilt(), before, "no table before TABLE_AFTER uses");
  assert.equal(verifier(token, { now: NOW }).valid, true);
  assert.equal(side.tablesBuilt(), before + 1, "the use that reaches TABLE_AFTER builds the table");

  // Signatures an attacker can make without the private key, each judged by the
  // hot verifier (table), a cold one (OpenSSL through the core) and OpenSSL alone.
  const cases = [["the good signature", good.input, good.sig]];
  for (let i = 0; i < 64; i++) {
    for (const bit of [0x01, 0x80]) {
      const sig = Buffer.from(good.sig);
      sig[i] ^= bit;
      cases.push([`byte ${i} ^ ${bit}`, good.input, sig]);
    }
  }
  cases.push(["S + L", good.input, plusL(good.sig)]);
  const identity = Buffer.alloc(32);
  identity[0] = 1;
  cases.push(["R the identity", good.input, Buffer.concat([identity, good.sig.subarray(32)])]);
  cases.push(["R and S zero", good.input, Buffer.alloc(64)]);
  const changed = signed(privateKey, { ...CLAIMS, sub: "eve" });
  cases.push(["another payload's signature", changed.input, good.sig]);
  cases.push(["another payload, signed", changed.input, changed.sig]);
  const foreign = signed(other);
  cases.push(["another key's signature", foreign.input, foreign.sig]);
  for (let n = 0; n < 40; n++) {
    const fresh = signed(privateKey, { ...CLAIMS, jti: `n${n}` });
    cases.push([`fresh token ${n}`, fresh.input, fresh.sig]);
  }
  let valid = 0;
  for (const [what, input, sig] of cases) {
    const t = `${input}.${b64(sig)}`;
    const openssl = nodeVerify(null, Buffer.from(input), publicKey, sig);
    const hot = verifier(t, { now: NOW });
    const cold = jwtlens.verifyFast(t, jwk, { policy: POLICY, now: NOW });
    assert.equal(hot.valid, openssl, `${what}: table ${hot.status}, OpenSSL ${openssl}`);
    assert.equal(hot.status, cold.status, `${what}: table and cold verdicts`);
    if (hot.valid) valid += 1;
  }
  assert.equal(valid, 42, "the good token, the re-signed payload and 40 fresh tokens");
  assert.equal(side.tablesBuilt(), before + 1, "one table per key, built once");
});

test("a key used once (key text per call) never builds a table", () => {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  const jwk = JSON.stringify(publicKey.export({ format: "jwk" }));
  const good = signed(privateKey);
  const before = side.tablesBuilt();
  for (let i = 0; i < side.TABLE_AFTER + 8; i++) {
    assert.equal(jwtlens.verifyFast(`${good.input}.${b64(good.sig)}`, jwk, { policy: POLICY, now: NOW }).valid, true);
  }
  assert.equal(side.tablesBuilt(), before);
});

test("the module builds no table for a key that is not Ed25519", () => {
  assert.equal(side.ed25519Checker({ kty: "OKP", crv: "Ed448", x: b64(Buffer.alloc(57, 1)) }), null);
  assert.equal(side.ed25519Checker({ kty: "OKP", crv: "Ed25519", x: "not base64url!" }), null);
  assert.equal(side.ed25519Checker({ kty: "OKP", crv: "Ed25519", x: b64(Buffer.alloc(31, 1)) }), null);
  // The identity (a point of small order) is no key.
  const identity = Buffer.alloc(32);
  identity[0] = 1;
  assert.equal(side.ed25519Checker({ kty: "OKP", crv: "Ed25519", x: b64(identity) }), null);
  assert.equal(side.ed25519Checker(null), null);
});
