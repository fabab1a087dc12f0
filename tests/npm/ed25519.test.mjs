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
import { createHash, createPublicKey, generateKeyPairSync, randomBytes, sign as nodeSign, verify as nodeVerify } from "node:crypto";
import { installed, install, installedWithout } from "./install.mjs";

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

// A small edwards25519 of the test's own (RFC 8032 §5.1, BigInt, extended
// coordinates), to make what OpenSSL and jwtlens cannot: keys of mixed order
// (A = aB + T, T of order 8) and signatures whose R has a torsion part.
const P = 2n ** 255n - 19n;
const ORDER = 2n ** 252n + 27742317777372353535851937790883648493n;
const mod = (a, m = P) => ((a % m) + m) % m;
const pow = (b, e) => {
  let r = 1n;
  for (b = mod(b); e > 0n; e >>= 1n, b = (b * b) % P) if (e & 1n) r = (r * b) % P;
  return r;
};
const inv = (a) => pow(a, P - 2n);
const D = mod(-121665n * inv(121666n));
const ZERO = [0n, 1n, 1n, 0n];
function add([x1, y1, z1, t1], [x2, y2, z2, t2]) {
  const a = mod((y1 - x1) * (y2 - x2)), b = mod((y1 + x1) * (y2 + x2));
  const c = mod(2n * D * t1 * t2), d = mod(2n * z1 * z2);
  const [e, f, g, h] = [b - a, d - c, d + c, b + a];
  return [mod(e * f), mod(g * h), mod(f * g), mod(e * h)];
}
function mul(p, n) {
  let r = ZERO;
  for (; n > 0n; n >>= 1n, p = add(p, p)) if (n & 1n) r = add(r, p);
  return r;
}
const le = (n) => Buffer.from(Array.from({ length: 32 }, (_, i) => Number((n >> BigInt(8 * i)) & 255n)));
const leInt = (b) => b.reduceRight((v, byte) => (v << 8n) | BigInt(byte), 0n);
function encode([x, y, z]) {
  const zi = inv(z);
  const out = le(mod(y * zi));
  if (mod(x * zi) & 1n) out[31] |= 0x80;
  return out;
}
function decode(bytes) {
  const sign = bytes[31] >> 7;
  const y = mod(leInt(Buffer.from([...bytes.subarray(0, 31), bytes[31] & 0x7f])));
  const u = mod(y * y - 1n), v = mod(D * y * y + 1n);
  let x = pow(u * inv(v), (P + 3n) / 8n);
  if (mod(v * x * x) !== u) x = mod(x * pow(2n, (P - 1n) / 4n));
  if (mod(v * x * x) !== u) throw new Error("not a point");
  if (Number(x & 1n) !== sign) x = mod(-x);
  return [x, y, 1n, mod(x * y)];
}
const BASE = decode(le(mod(4n * inv(5n))));
// A point of order 8 (libsodium's blocklist; also in the core's small-order list).
const T8 = decode(Buffer.from("26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05", "hex"));
const scalar = () => mod(leInt(randomBytes(64)), ORDER);
/** RFC 8032 §5.1.6 with the secret scalar `a`, the key's encoding `A`, and R = rB + torsion·T8. */
function signWith(a, A, message, torsion = 0n) {
  const r = scalar();
  const R = encode(add(mul(BASE, r), mul(T8, torsion)));
  const k = mod(leInt(createHash("sha512").update(Buffer.concat([R, A, message])).digest()), ORDER);
  return Buffer.concat([R, le(mod(r + k * a, ORDER))]);
}

/** A JWS signing input (RFC 7515 §5.1) for these claims and header. */
const signingInput = (claims = CLAIMS, header = { alg: "EdDSA" }) => `${b64(JSON.stringify(header))}.${b64(JSON.stringify(claims))}`;

function signed(privateKey, claims = CLAIMS, header = { alg: "EdDSA" }) {
  const input = signingInput(claims, header);
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
  let byTable = 0;
  for (const [what, input, sig] of cases) {
    const t = `${input}.${b64(sig)}`;
    const openssl = nodeVerify(null, Buffer.from(input), publicKey, sig);
    const answers = side.tableAnswers();
    const hot = verifier(t, { now: NOW });
    const answered = side.tableAnswers() - answers;
    const cold = jwtlens.verifyFast(t, jwk, { policy: POLICY, now: NOW });
    assert.equal(hot.valid, openssl, `${what}: table ${hot.status}, OpenSSL ${openssl}`);
    assert.equal(hot.status, cold.status, `${what}: table and cold verdicts`);
    // Every signature the core hands on is the table's to answer (not OpenSSL's).
    assert.ok(answered <= 1 && (answered === 1 || !hot.valid), `${what}: answered by the table ${answered} times`);
    byTable += answered;
    if (hot.valid) valid += 1;
  }
  assert.equal(valid, 42, "the good token, the re-signed payload and 40 fresh tokens");
  // All but those the core refuses itself (S ≥ L, small-order R) reach the table.
  assert.ok(byTable >= cases.length - 6, `${byTable} of ${cases.length} answered by the table`);
  assert.equal(side.tablesBuilt(), before + 1, "one table per key, built once");
});

/** Warm `check` (a token → verdict function) with TABLE_AFTER valid tokens; assert it built one table. */
function warm(check, sign, what) {
  const before = side.tablesBuilt();
  for (let i = 0; i < side.TABLE_AFTER; i++) {
    const input = signingInput({ ...CLAIMS, jti: `w${i}` });
    assert.equal(check(`${input}.${b64(sign(Buffer.from(input)))}`), true, `${what}: warm-up token ${i}`);
  }
  assert.equal(side.tablesBuilt(), before + 1, `${what}: one table`);
}

test("keys of mixed order and R with a torsion part: the table agrees with OpenSSL", () => {
  // A = aB + T8 is no point of small order, so both accept the key; with the
  // cofactorless equation (RFC 8032's "sufficient" check, which OpenSSL and
  // jwtlens make) a signature verifies only when k·T8 and R's torsion cancel.
  for (const [label, mixed] of [["prime-order key", false], ["mixed-order key", true]]) {
    const a = scalar();
    const A = encode(mixed ? add(mul(BASE, a), T8) : mul(BASE, a));
    const jwk = { kty: "OKP", crv: "Ed25519", x: b64(A) };
    const openssl = createPublicKey({ key: jwk, format: "jwk" });
    const verifier = jwtlens.createVerifier({ key: jwtlens.importKey(JSON.stringify(jwk)), policy: POLICY });
    const check = (t) => verifier(t, { now: NOW }).valid;
    // Warm with signatures valid for either key: for a mixed key, retry until one verifies.
    warm(check, (m) => {
      for (;;) {
        const sig = signWith(a, A, m);
        if (nodeVerify(null, m, openssl, sig)) return sig;
      }
    }, label);
    let agreed = 0;
    let valid = 0;
    const answers = side.tableAnswers();
    for (let i = 0; i < 96; i++) {
      const input = signingInput({ ...CLAIMS, jti: `t${i}` });
      const sig = signWith(a, A, Buffer.from(input), BigInt(i % 8));
      const expected = nodeVerify(null, Buffer.from(input), openssl, sig);
      assert.equal(check(`${input}.${b64(sig)}`), expected, `${label}, torsion ${i % 8}, token ${i}`);
      agreed += 1;
      if (expected) valid += 1;
    }
    console.log(`${label}: ${agreed}/96 agree with OpenSSL (${valid} valid)`);
    assert.equal(side.tableAnswers() - answers, 96, `${label}: every check answered by the table`);
    assert.ok(valid > 0 && (mixed || valid >= 12), `${label}: some valid`);
  }
});

test("a JWK Set, a PEM key and the full report each get their own table and the right key's verdict", () => {
  const one = generateKeyPairSync("ed25519");
  const two = generateKeyPairSync("ed25519");
  const jwks = JSON.stringify({
    keys: [
      { ...one.publicKey.export({ format: "jwk" }), kid: "one" },
      { ...two.publicKey.export({ format: "jwk" }), kid: "two" },
    ],
  });
  const set = jwtlens.importKey(jwks);
  const verifier = jwtlens.createVerifier({ key: set, policy: POLICY });
  const token = (privateKey, header) => {
    const { input, sig } = signed(privateKey, CLAIMS, header);
    return `${input}.${b64(sig)}`;
  };
  // Key "two" gets hot; key "one" stays with OpenSSL.
  warm((t) => verifier(t, { now: NOW }).valid, (m) => nodeSign(null, m, two.privateKey), "JWK Set key two");
  const cases = [
    [token(two.privateKey, { alg: "EdDSA", kid: "two" }), true],
    [token(two.privateKey, { alg: "EdDSA" }), true], // no kid: every key is tried
    [token(one.privateKey, { alg: "EdDSA", kid: "one" }), true],
    [token(one.privateKey, { alg: "EdDSA", kid: "two" }), false], // signed by one, names two
    [token(two.privateKey, { alg: "EdDSA", kid: "one" }), false],
    [token(two.privateKey, { alg: "EdDSA", kid: "three" }), false],
  ];
  const answers = side.tableAnswers();
  for (const [t, expected] of cases) {
    assert.equal(verifier(t, { now: NOW }).valid, expected, t.split(".")[0]);
  }
  // Key two's table answered for the tokens that reached key two (not for "one"'s or "three").
  assert.equal(side.tableAnswers() - answers, 3);
  // A PEM key, and `verify` (the full report, its own module and callback).
  const pem = one.publicKey.export({ format: "pem", type: "spki" });
  const key = jwtlens.importKey(pem);
  warm((t) => jwtlens.verify(t, key, { policy: POLICY, now: NOW }).verdict.status === "valid", (m) => nodeSign(null, m, one.privateKey), "PEM key through verify");
  const forged = token(two.privateKey, { alg: "EdDSA" });
  assert.equal(jwtlens.verify(forged, key, { policy: POLICY, now: NOW }).verdict.status, "invalid_signature");
  assert.equal(jwtlens.verify(token(one.privateKey, { alg: "EdDSA" }), key, { policy: POLICY, now: NOW }).verdict.status, "valid");
});

test("forged tokens do not count toward a table (only valid signatures do)", () => {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  const verifier = jwtlens.createVerifier({ key: jwtlens.importKey(JSON.stringify(publicKey.export({ format: "jwk" }))), policy: POLICY });
  const good = signed(privateKey);
  const before = side.tablesBuilt();
  for (let i = 0; i < side.TABLE_AFTER * 3; i++) {
    const sig = Buffer.from(good.sig);
    sig[i % 32] ^= 1 + (i % 7);
    assert.equal(verifier(`${good.input}.${b64(sig)}`, { now: NOW }).valid, false);
  }
  assert.equal(side.tablesBuilt(), before, "no table from forged signatures");
  for (let i = 0; i < side.TABLE_AFTER; i++) assert.equal(verifier(`${good.input}.${b64(good.sig)}`, { now: NOW }).valid, true);
  assert.equal(side.tablesBuilt(), before + 1);
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

test("a side module that failed stays failed, loaded synchronously or fetched", async () => {
  const { sideModule } = await import(pathToFileURL(join(install().scratch, "node_modules/jwtlens/side.js")).href);
  // Synchronous source: ready at once; after fail(), never again.
  let inits = 0;
  const sync = sideModule(() => (inits += 1));
  assert.equal(sync.now(), false, "no source yet");
  sync.setSource({ sync: () => new Uint8Array() });
  assert.equal(sync.now(), true);
  sync.fail();
  assert.equal(sync.now(), false);
  assert.equal(await sync.later(), false);
  assert.equal(inits, 1);
  // Fetched source: a failed fetch is retried; fail() during a fetch holds when it lands.
  let attempt = 0;
  let land;
  const fetched = sideModule(
    () => {
      throw new Error("no synchronous source");
    },
    () => (++attempt === 1 ? Promise.reject(new Error("offline")) : new Promise((resolve) => (land = resolve))),
  );
  fetched.setSource({ url: new URL("https://example.invalid/x.wasm") });
  assert.equal(await fetched.later(), false, "the first fetch failed");
  const second = fetched.later();
  fetched.fail();
  land();
  assert.equal(await second, false, "failed during the fetch");
  assert.equal(await fetched.later(), false, "and after it");
  assert.equal(fetched.now(), false);
  assert.equal(attempt, 2);
});

test("without jwtlens_ed25519_bg.wasm a hot Ed25519 key is checked by OpenSSL, and right", async () => {
  const { execFileSync } = await import("node:child_process");
  const dir = installedWithout("jwtlens_ed25519_bg.wasm");
  const out = execFileSync(
    process.execPath,
    ["--input-type=module", "-e", `
      import { createVerifier, importKey } from "jwtlens";
      import { tablesBuilt } from "./node_modules/jwtlens/ed25519.js";
      import { generateKeyPairSync, sign } from "node:crypto";
      const b64 = (x) => Buffer.from(x).toString("base64url");
      const { privateKey, publicKey } = generateKeyPairSync("ed25519");
      const verifier = createVerifier({ key: importKey(JSON.stringify(publicKey.export({ format: "jwk" }))), policy: { algorithms: ["EdDSA"] } });
      const input = b64('{"alg":"EdDSA"}') + "." + b64('{"sub":"ada"}');
      const sig = sign(null, Buffer.from(input), privateKey);
      const statuses = [];
      for (let i = 0; i < 100; i++) statuses.push(verifier(input + "." + b64(sig), { now: false }).status);
      sig[3] ^= 1;
      const tampered = verifier(input + "." + b64(sig), { now: false }).status;
      console.log(JSON.stringify({ valid: statuses.filter((s) => s === "valid").length, tampered, tables: tablesBuilt() }));
    `],
    { cwd: dir, encoding: "utf8" },
  );
  assert.deepEqual(JSON.parse(out), { valid: 100, tampered: "invalid_signature", tables: 0 });
});
