// Issue 9's seven holes, tried against the packed npm package as an attacker
// would: every token here carries a correct MAC or signature for the key
// given, and none may come out "valid" from verify, verifyFast or a
// createVerifier verifier, with the
// platform (OpenSSL) and the core arithmetic alike. The forged MACs are made
// with node:crypto, not with jwtlens.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { createHmac, generateKeyPairSync, createPublicKey } from "node:crypto";
import { SignJWT, importJWK } from "jose";
import { spawnSync } from "node:child_process";
import { installed, install } from "./install.mjs";

let jwtlens;
before(async () => {
  jwtlens = await installed();
});

const NOW = 1_795_000_000;
const b64 = (x) => Buffer.from(x).toString("base64url");

function hs256(secret, header, payload) {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${createHmac("sha256", secret).update(input).digest("base64url")}`;
}

// Both entry points, and both arithmetic paths (OpenSSL synchronously, WebCrypto
// through the *Async functions), must give the same verdict.
async function verdicts(token, keyText, options, importOptions = {}) {
  const out = [];
  for (const arithmetic of ["platform", "webcrypto"]) {
    const key = jwtlens.importKey(keyText, { ...importOptions, arithmetic });
    const web = arithmetic === "webcrypto";
    const full = (web ? await jwtlens.verifyAsync(token, key, options) : jwtlens.verify(token, key, options)).verdict;
    const fast = web ? await jwtlens.verifyFastAsync(token, key, options) : jwtlens.verifyFast(token, key, options);
    assert.equal(fast.status, full.status, `verifyFast agrees with verify (${arithmetic})`);
    assert.equal(fast.valid, full.status === "valid");
    // The compiled verifier, made once with the same key and policy, agrees too.
    const made = { key };
    if (options?.policy !== undefined) made.policy = options.policy;
    const call = options && Object.hasOwn(options, "now") ? { now: options.now } : undefined;
    const verifier = jwtlens.createVerifier(made);
    const compiled = web ? await verifier.verifyAsync(token, call) : verifier(token, call);
    assert.equal(compiled.status, full.status, `createVerifier agrees with verify (${arithmetic})`);
    assert.deepEqual(compiled, fast, `createVerifier returns what verifyFast returns (${arithmetic})`);
    out.push(full);
  }
  assert.equal(out[0].status, out[1].status);
  return out[0];
}

const { publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const spkiPem = publicKey.export({ type: "spki", format: "pem" });
const pkcs1Pem = publicKey.export({ type: "pkcs1", format: "pem" });
const spkiDer = publicKey.export({ type: "spki", format: "der" });
const jwks = JSON.stringify({ keys: [{ ...publicKey.export({ format: "jwk" }), kid: "k1" }] });
const body = spkiPem.split("\n").filter((l) => l && !l.startsWith("-----")).join("");

const WRAPPED = {
  "PEM with a byte-order mark": `\ufeff${spkiPem}`,
  "PEM after an openssl subject= line": `subject=CN = api.example\n${spkiPem}`,
  "PEM inside JSON quotes": JSON.stringify(spkiPem),
  "PEM with \\n escapes": spkiPem.replaceAll("\n", "\\n"),
  "bare base64 body of the SPKI": body,
  "PKCS#1 PEM with CRLF and a BOM": `\ufeff${pkcs1Pem.replaceAll("\n", "\r\n")}`,
  "JWKS with a BOM": `\ufeff${jwks}`,
  "JWKS with a word before it": `jwks: ${jwks}`,
  "SPKI DER in hex": spkiDer.toString("hex"),
};

test("hole 1: public key text never becomes an HMAC secret", async () => {
  const payload = JSON.stringify({ sub: "admin", exp: NOW + 3600 });
  for (const [what, text] of Object.entries(WRAPPED)) {
    const forged = hs256(text, '{"alg":"HS256"}', payload);
    let key;
    try {
      key = jwtlens.importKey(text);
      assert.notEqual(key.detected, "secret", what);
    } catch (e) {
      assert.equal(e.name, "JwtlensError", what);
    }
    if (key) assert.notEqual((await verdicts(forged, text, { now: NOW })).status, "valid", `${what} (auto)`);
    // Said to be a secret, a public key's text still never verifies, and the finding says why.
    const v = await verdicts(forged, text, { now: NOW }, { format: "secret" });
    assert.equal(v.status, "invalid_signature", what);
    assert.match(v.message, /key confusion/, what);
    const report = jwtlens.verify(forged, jwtlens.importKey(text, { format: "secret" }), { now: NOW });
    assert.equal(report.findings[0].code, "key_confusion", what);
  }
  // The DER bytes as a base64 secret.
  const forged = hs256(spkiDer, '{"alg":"HS256"}', payload);
  assert.equal((await verdicts(forged, body, { now: NOW }, { encoding: "base64" })).status, "invalid_signature");
  // Damaged key text is an error, not a secret.
  for (const damaged of ["\ufeff-----BEGIN PUBLIC KEY-----\nAAAA\n", '{"kty":"RSA"', "ssh-rsa AAAAB3NzaC1yc2E user@host"]) {
    assert.throws(() => jwtlens.importKey(damaged), { name: "JwtlensError", code: "bad_key" }, damaged);
  }
});

test("hole 2: a correctly MACed payload the core cannot read is never valid, and exp is always judged", async () => {
  const secret = "a-long-and-random-shared-secret-0123456789";
  const cases = {
    "a lone surrogate": ['{"alg":"HS256"}', '{"sub":"\\ud800","exp":978307200}', "malformed"],
    "deep nesting": ['{"alg":"HS256"}', `{"exp":978307200,"a":${"[".repeat(200)}1${"]".repeat(200)}}`, "malformed"],
    "a BOM before the JSON": ['{"alg":"HS256"}', '\ufeff{"exp":978307200}', "malformed"],
    "an array payload": ['{"alg":"HS256"}', '[{"exp":978307200}]', "malformed"],
    "a string payload": ['{"alg":"HS256"}', '"hello"', "malformed"],
    "cty JWT over claims": ['{"alg":"HS256","cty":"JWT"}', '{"sub":"x"}', "nested"],
    "a duplicate claim": ['{"alg":"HS256"}', '{"sub":"user","sub":"admin"}', "malformed"],
    "exp as a string": ['{"alg":"HS256"}', '{"exp":"978307200"}', "malformed"],
  };
  for (const [what, [header, payload, want]] of Object.entries(cases)) {
    const v = await verdicts(hs256(secret, header, payload), secret, { now: NOW });
    assert.equal(v.status, want, `${what}: ${v.message}`);
  }
});

test("hole 3: crit [] and crit naming an absent parameter are refused", async () => {
  const secret = "a-long-and-random-shared-secret-0123456789";
  for (const [header, want] of [
    ['{"alg":"HS256","crit":[]}', "malformed"],
    ['{"alg":"HS256","crit":["b64"]}', "malformed"],
    ['{"alg":"HS256","crit":["exp"],"exp":1}', "malformed"],
    ['{"alg":"HS256","b64":true}', "malformed"],
    ['{"alg":"HS256","crit":["b64"],"b64":true}', "valid"],
  ]) {
    assert.equal((await verdicts(hs256(secret, header, '{"sub":"x"}'), secret, { now: NOW })).status, want, header);
  }
});

test("hole 4: reordering or editing key.keys cannot change the key OpenSSL checks", async () => {
  const a = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const b = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const jwk = (k, kid) => ({ ...k.publicKey.export({ format: "jwk" }), kid });
  const set = JSON.stringify({ keys: [jwk(a, "A"), jwk(b, "B")] });
  const sign = async (pair, kid) =>
    new SignJWT({ sub: "x" }).setProtectedHeader({ alg: "ES256", kid }).sign(await importJWK(pair.privateKey.export({ format: "jwk" }), "ES256"));
  const byAClaimingB = await sign(a, "B");
  const byB = await sign(b, "B");
  const key = jwtlens.importKey(set);
  assert.equal(key.arithmetic, "platform");
  // The public description is frozen: neither reordering nor replacing works.
  assert.throws(() => key.keys.reverse(), TypeError);
  assert.throws(() => { key.keys[1].jwk = key.keys[0].jwk; }, TypeError);
  assert.throws(() => { key.keys = []; }, TypeError);
  assert.equal(jwtlens.verifyFast(byAClaimingB, key, { now: NOW }).status, "invalid_signature");
  assert.equal(jwtlens.verifyFast(byB, key, { now: NOW }).status, "valid");
});

test("hole 5: verify and verifyFast judge exp against the platform clock unless told otherwise", () => {
  const secret = "a-long-and-random-shared-secret-0123456789";
  const expired2001 = hs256(secret, '{"alg":"HS256"}', '{"sub":"x","exp":978307200}');
  const key = jwtlens.importKey(secret);
  assert.equal(jwtlens.verify(expired2001, key).verdict.status, "claims_fail");
  assert.equal(jwtlens.verifyFast(expired2001, key).status, "claims_fail");
  assert.equal(jwtlens.verify(expired2001, secret).verdict.status, "claims_fail");
  // Skipping the time checks is explicit, and the verdict says so.
  const skipped = jwtlens.verifyFast(expired2001, key, { now: false });
  assert.equal(skipped.status, "valid");
  assert.match(skipped.message, /skipped/);
  // A polluted Object.prototype cannot switch the time checks off (or on to another time).
  Object.prototype.now = false; // eslint-disable-line no-extend-native
  try {
    assert.equal(jwtlens.verifyFast(expired2001, key).status, "claims_fail");
    assert.equal(jwtlens.verify(expired2001, key, {}).verdict.status, "claims_fail");
  } finally {
    delete Object.prototype.now;
  }
  // A token valid now is valid without a `now`.
  const fresh = hs256(secret, '{"alg":"HS256"}', JSON.stringify({ exp: Math.floor(Date.now() / 1000) + 3600 }));
  assert.equal(jwtlens.verifyFast(fresh, key).status, "valid");
});

test("hole 6: a 20,000-member payload is refused quickly, with a located error", () => {
  const secret = "a-long-and-random-shared-secret-0123456789";
  const payload = `{${'"a":0,'.repeat(19_999)}"a":0}`;
  const token = hs256(secret, '{"alg":"HS256"}', payload);
  const report = jwtlens.verify(token, secret, { now: NOW });
  assert.equal(report.verdict.status, "malformed");
  assert.equal(report.errors[0].code, "too_complex");
  assert.equal(report.errors[0].part, "payload");
  assert.match(report.errors[0].message, /more than 10000 values/);
  const huge = `${"a".repeat(300_000)}.b.c`;
  assert.equal(jwtlens.inspect(huge).errors[0].code, "too_large");
});

test("hole 7: misplaced and unknown option names throw, naming the right one; one leeway default", () => {
  const secret = "a-long-and-random-shared-secret-0123456789";
  const token = hs256(secret, '{"alg":"HS256"}', JSON.stringify({ iss: "https://issuer.example", aud: "api", exp: NOW - 30 }));
  const key = jwtlens.importKey(secret);
  for (const [options, right] of [
    [{ issuer: "https://evil.example" }, "options.policy.issuer"],
    [{ audience: "nope" }, "options.policy.audience"],
    [{ algorithms: ["RS256"] }, "options.policy.algorithms"],
    [{ clockTolerance: 5 }, "options.policy.leeway"],
    [{ maxTokenAge: 60 }, "options.policy.maxAge"],
    [{ currentDate: new Date() }, "options.now"],
    [{ policy: { clockTolerance: 5 } }, "options.policy.leeway"],
    [{ policy: { iss: "x" } }, "options.policy.issuer"],
    [{ policy: { maxTokenAge: 5 } }, "options.policy.maxAge"],
    [{ policy: { now: NOW } }, "options.now"],
    [{ policy: { issuers: ["x"] } }, "options.policy.issuer"],
  ]) {
    for (const fn of [jwtlens.verify, jwtlens.verifyFast]) {
      // Beside the policy, the face's names; inside it, the core's contract (bad_policy).
      const code = options.policy ? "bad_policy" : "invalid_argument";
      assert.throws(() => fn(token, key, { now: NOW, ...options }), (e) => e.name === "JwtlensError" && e.code === code && e.message.includes(right), JSON.stringify(options));
    }
  }
  assert.throws(() => jwtlens.verify(token, key, { nonsense: 1 }), /not a verify option/);
  assert.throws(() => jwtlens.importKey(secret, { formt: "secret" }), /options.formt is not an option of importKey/);
  assert.throws(() => jwtlens.inspect(token, { currentDate: 1 }), /not an option of inspect/);
  // Expired 30 s ago: within the one default leeway, whether or not a policy is given.
  assert.equal(jwtlens.verifyFast(token, key, { now: NOW }).status, "valid");
  assert.equal(jwtlens.verifyFast(token, key, { now: NOW, policy: {} }).status, "valid");
  assert.equal(jwtlens.verifyFast(token, key, { now: NOW + 60 }).status, "claims_fail");
  assert.equal(jwtlens.verifyFast(token, key, { now: NOW + 60, policy: {} }).status, "claims_fail");
  // A now in milliseconds is refused with the reason, in every function that takes one.
  for (const fn of [jwtlens.verify, jwtlens.verifyFast]) {
    assert.throws(() => fn(token, key, { now: Date.now() }), /milliseconds/);
  }
  assert.throws(() => jwtlens.inspect(token, { now: Date.now() }), /milliseconds/);
  // The right names work.
  const checked = jwtlens.verify(token, key, { now: NOW, policy: { issuer: "https://evil.example", audience: "nope" } });
  assert.equal(checked.verdict.status, "claims_fail");
});

test("the Node backend gets a key only through the handle made at import", () => {
  // A key whose JWK is not importable by node stays with the core; the verdict does not change.
  const { publicKey: pk } = generateKeyPairSync("ed25519");
  const text = pk.export({ type: "spki", format: "pem" });
  assert.equal(createPublicKey(text).asymmetricKeyType, "ed25519");
  const key = jwtlens.importKey(text);
  assert.ok(Object.isFrozen(key) && Object.isFrozen(key.keys[0]));
});

// ---- found by an attacker's review (see the session notes): each must stay refused.

test("review: key material under encodings, in other text, or in forms the core cannot import is never a secret", () => {
  const { publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const pem = publicKey.export({ type: "spki", format: "pem" });
  const der = publicKey.export({ type: "spki", format: "der" });
  const jwk = publicKey.export({ format: "jwk" });
  const x25519 = generateKeyPairSync("x25519").publicKey.export({ type: "spki", format: "der" });
  const big = generateKeyPairSync("rsa", { modulusLength: 4608 }).publicKey.export({ type: "spki", format: "der" });
  const texts = {
    "base64(PEM)": Buffer.from(pem).toString("base64"),
    "base64url(PEM)": Buffer.from(pem).toString("base64url"),
    "hex(PEM)": Buffer.from(pem).toString("hex"),
    "UTF-16LE PEM read as UTF-8": Buffer.from("\ufeff" + pem.replace(/\n/g, "\r\n"), "utf16le").toString("utf8"),
    "base64(JWK)": Buffer.from(JSON.stringify(jwk)).toString("base64"),
    "DER body joined with literal \\n": pem.split("\n").filter((l) => l && !l.startsWith("-----")).join("\\n"),
    "KEY=<DER base64>": "JWT_PUBLIC_KEY=" + der.toString("base64"),
    "DER hex with colons": der.toString("hex").match(/../g).join(":"),
    "percent-encoded PEM": encodeURIComponent(pem),
    "DER base64 and a comment": der.toString("base64") + " # prod key",
    "YAML JWK": `kty: RSA\nn: ${jwk.n}\ne: ${jwk.e}\n`,
    "JWK in an array": JSON.stringify([jwk]),
    "JWKS inside another object": JSON.stringify({ jwks: { keys: [jwk] } }),
    "JWK with a numeric kid": JSON.stringify({ ...jwk, kid: 1 }),
    "JWK with a trailing comma": JSON.stringify(jwk).replace(/}$/, ",}"),
    "lower-case PEM label": pem.replace(/PUBLIC KEY/g, "public key"),
    "four-dash armour": pem.replace(/-----/g, "----"),
    "RFC 4716 SSH2 key": "---- BEGIN SSH2 PUBLIC KEY ----\nAAAAB3NzaC1yc2EAAAADAQABAAABAQC7\n---- END SSH2 PUBLIC KEY ----",
    "authorized_keys line with options": 'from="10.0.0.1" ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7 me',
    "bare OpenSSH blob": "AAAAB3NzaC1yc2EAAAADAQABAAABAQC7x9Zs0123456789abcdefghij",
    "openssl -text dump": "Public-Key: (2048 bit)\nModulus:\n    00:c5:...\nExponent: 65537 (0x10001)",
    "X25519 SPKI base64": x25519.toString("base64"),
    "4608-bit RSA SPKI base64": big.toString("base64"),
    "DER and a newline, as hex": der.toString("hex") + "0a",
    "00 and DER, as hex": "00" + der.toString("hex"),
  };
  const payload = JSON.stringify({ sub: "admin", exp: NOW + 600 });
  for (const [what, text] of Object.entries(texts)) {
    const forged = hs256(text, '{"alg":"HS256"}', payload);
    let key;
    try {
      key = jwtlens.importKey(text);
    } catch (e) {
      assert.equal(e.code, "bad_key", what);
    }
    if (key) {
      assert.notEqual(key.detected, "secret", what);
      assert.notEqual(jwtlens.verifyFast(forged, key, { now: NOW }).status, "valid", `${what} (auto)`);
    }
    for (const encoding of ["utf8", "base64", "hex"]) {
      let secret;
      try {
        secret = jwtlens.importKey(text, { format: "secret", encoding });
      } catch {
        continue; // not in that encoding
      }
      const mac = encoding === "utf8" ? text : Buffer.from(text.replace(/\s/g, ""), encoding);
      const v = jwtlens.verifyFast(hs256(mac, '{"alg":"HS256"}', payload), secret, { now: NOW });
      assert.notEqual(v.status, "valid", `${what} as a ${encoding} secret: ${v.message}`);
    }
  }
});

test("review: many duplicate names cost linear time before any signature check", () => {
  const A = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  const nm = (i) => A[i % 62] + A[Math.floor(i / 62) % 62] + A[Math.floor(i / 3844) % 62];
  const obj = (n, d) => Array.from({ length: n }, (_, i) => `"${nm(i % d)}":0`).join(",");
  const token = `${b64('{"alg":"HS256",' + obj(9990, 4995) + "}")}.${b64("{" + obj(9999, 4999) + "}")}.${b64("x".repeat(32))}`;
  const v = jwtlens.verifyFast(token, "a-long-and-random-shared-secret-0123456789", { now: NOW });
  assert.notEqual(v.status, "valid");
  // The time is a benchmark's business (cargo bench --bench limits); here, that it finishes and is refused.
  assert.notEqual(jwtlens.verify(token, "a-long-and-random-shared-secret-0123456789", { now: NOW }).verdict.status, "valid");
});

test("review: a policy cannot fail open (empty lists, null, a polluted toJSON)", () => {
  const secret = "a-long-and-random-shared-secret-0123456789";
  const token = hs256(secret, '{"alg":"HS256"}', JSON.stringify({ iss: "evil", aud: "other", exp: NOW + 600 }));
  for (const policy of [{ audience: [] }, { issuer: [] }, { algorithms: [] }, { issuer: null }, { subject: null }, { audience: [1] }]) {
    assert.throws(() => jwtlens.verifyFast(token, secret, { now: NOW, policy }), { code: "bad_policy" }, JSON.stringify(policy));
  }
  const strict = { issuer: "https://good.example", audience: "api" };
  for (const proto of [Object.prototype, Array.prototype, String.prototype]) {
    proto.toJSON = () => ({}); // eslint-disable-line no-extend-native
    try {
      assert.equal(jwtlens.verifyFast(token, secret, { now: NOW, policy: strict }).status, "claims_fail");
      assert.equal(jwtlens.verify(token, secret, { now: NOW, policy: { ...strict, audience: ["api"] } }).verdict.status, "claims_fail");
    } finally {
      delete proto.toJSON;
    }
  }
});

test("review: the key's wasm handle is out of reach; only importKey makes keys", () => {
  const { publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const key = jwtlens.importKey(publicKey.export({ type: "spki", format: "pem" }));
  assert.deepEqual(Object.getOwnPropertySymbols(key), []);
  const forged = `${b64('{"alg":"RS256"}')}.${b64('{"sub":"admin"}')}.${b64(Buffer.alloc(256, 1))}`;
  assert.equal(jwtlens.verifyFast(forged, key, { now: NOW }).status, "invalid_signature");
  assert.throws(() => new jwtlens.JwtlensKey({}), { name: "JwtlensError", code: "invalid_argument" });
  assert.throws(() => jwtlens.verify(forged, Object.create(jwtlens.JwtlensKey.prototype), { now: NOW }), { name: "JwtlensError" });
  assert.throws(() => jwtlens.verifySignature("RS256", {}, "a", new Uint8Array(256)), { name: "JwtlensError" });
});

test("review: a now that is not a clock is refused; cty application/jwt is nested; b64 false is not a JWT; mixed sets count skipped keys", () => {
  const secret = "a-long-and-random-shared-secret-0123456789";
  const expired = hs256(secret, '{"alg":"HS256"}', '{"exp":978307200}');
  for (const now of [0, 1, -1e11, 12345.6]) {
    assert.throws(() => jwtlens.verifyFast(expired, secret, { now }), /not the current time/, String(now));
  }
  assert.equal(jwtlens.verifyFast(hs256(secret, '{"alg":"HS256","cty":"application/jwt"}', '{"sub":"x"}'), secret, { now: NOW }).status, "nested");
  const input = `${b64('{"alg":"HS256","b64":false,"crit":["b64"]}')}.{"sub":"x"}`;
  const unencoded = `${input}.${createHmac("sha256", secret).update(input).digest("base64url")}`;
  assert.equal(jwtlens.verifyFast(unencoded, secret, { now: NOW }).status, "malformed");
  const k = Buffer.from(secret).toString("base64url");
  const mixed = JSON.stringify({ keys: [{ kty: "oct", k }, { kty: "RSA", n: "AQAB", e: "AQAB" }] });
  assert.equal(jwtlens.verifyFast(hs256(secret, '{"alg":"HS256"}', '{"sub":"x"}'), mixed, { now: NOW }).status, "invalid_signature");
  assert.throws(() => jwtlens.importKey(`{"kty":"oct","k":"${k}","kty":"RSA"}`), { code: "bad_key" });
});

test("review: a polluted Object.prototype.toJSON cannot change what sign() signs or what the jar is asked", () => {
  const { scratch } = install();
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", `
    import { sign } from "jwtlens/sign";
    import { decode } from "jwtlens";
    import { CookieJar } from "jwtlens/cookies";
    Object.prototype.toJSON = function () { return { sub: "admin", role: "root" }; };
    const token = sign({ alg: "HS256" }, { sub: "alice" }, "a-secret-that-is-long-enough-for-hs256!!");
    const jar = new CookieJar();
    jar.setCookie("a=1", { url: "https://a.example/" }, { now: 1 });
    delete Object.prototype.toJSON;
    console.log(JSON.stringify({ payload: decode(token).payload, header: jar.cookieHeader({ url: "https://a.example/" }, { now: 2 }) }));
  `], { cwd: scratch, encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), { payload: { sub: "alice" }, header: "a=1" });
});

test("review: a token the wasm cannot make room for is a JwtlensError, and every later call still works", () => {
  // 16 MiB of wasm memory at most: 6M characters of "é" need 18 MB of room (js/input.js), more
  // than there is; the allocation's failure must leave no borrow behind (input.rs) and no trap.
  // 3M of them (9 MB) fit, and the core refuses them as too large.
  const { scratch } = install();
  const r = spawnSync(process.execPath, ["--wasm-max-mem-pages=256", "--input-type=module", "-e", `
    import { createVerifier, verifyFast, decode } from "jwtlens";
    import { createHmac } from "node:crypto";
    const secret = "a-secret-of-at-least-thirty-two-bytes";
    const b64 = (o) => Buffer.from(JSON.stringify(o)).toString("base64url");
    const input = b64({ alg: "HS256" }) + "." + b64({ sub: "a", exp: 1795000060 });
    const good = input + "." + createHmac("sha256", secret).update(input).digest("base64url");
    const verifier = createVerifier({ key: secret });
    const out = [];
    for (const f of [() => verifier("é".repeat(6e6), { now: 1795000000 }), () => decode("é".repeat(6e6)), () => verifier("é".repeat(3e6), { now: 1795000000 })]) {
      try { out.push(f().status ?? "no error"); } catch (e) { out.push(e.name + " " + e.code + " " + /could not make room/.test(e.message)); }
    }
    out.push(verifier(good, { now: 1795000000 }).status, verifyFast(good, secret, { now: 1795000000 }).status, decode(good).payload.sub);
    console.log(JSON.stringify(out));
  `], { cwd: scratch, encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), ["JwtlensError invalid_argument true", "JwtlensError invalid_argument true", "malformed", "valid", "valid", "a"]);
});

test("review: WebCrypto's answer is believed only when it is true; a shim that resolves to anything else, or throws, gives unchecked", async () => {
  const pair = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const other = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const sign = async (k) => new SignJWT({ sub: "x" }).setProtectedHeader({ alg: "ES256" }).sign(await importJWK(k.privateKey.export({ format: "jwk" }), "ES256"));
  const good = await sign(pair);
  const forged = await sign(other);
  const jwk = JSON.stringify(pair.publicKey.export({ format: "jwk" }));
  const key = () => jwtlens.importKey(jwk, { arithmetic: "webcrypto" });
  assert.equal((await jwtlens.verifyFastAsync(good, key(), { now: false })).status, "valid");
  const saved = Object.getOwnPropertyDescriptor(globalThis, "crypto");
  const real = globalThis.crypto.subtle;
  const fake = { importKey: (...a) => real.importKey(...a), verify: async (...a) => ({ ok: await real.verify(...a) }) };
  Object.defineProperty(globalThis, "crypto", { value: { subtle: fake }, configurable: true });
  try {
    assert.equal((await jwtlens.verifyFastAsync(forged, key(), { now: false })).status, "invalid_signature", "a truthy object is not a yes");
    fake.verify = () => {
      throw new Error("boom");
    };
    assert.equal((await jwtlens.verifyFastAsync(good, key(), { now: false })).status, "unchecked");
    fake.importKey = () => {
      throw new Error("sync throw");
    };
    assert.equal((await jwtlens.verifyFastAsync(good, key(), { now: false })).status, "unchecked");
  } finally {
    Object.defineProperty(globalThis, "crypto", saved);
  }
});

test("review: Node's RSA-PSS check takes only the core's salt length; without it, no answer (never OpenSSL's any-salt)", async () => {
  const { pathToFileURL } = await import("node:url");
  const { join } = await import("node:path");
  const { sign, constants } = await import("node:crypto");
  const { pkgDir } = await import("./install.mjs");
  const { nodePlatform } = await import(pathToFileURL(join(pkgDir, "platform.node.js")).href);
  const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const keys = [{ jwk: publicKey.export({ format: "jwk" }) }];
  const data = Buffer.from("header.payload");
  const signed = (saltLength) => sign("sha256", data, { key: privateKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength });
  const facts = (saltBytes) => [{ name: "PS256", family: "rsa_pss", hashBits: 256, curve: null, saltBytes }];
  // With the core's fact: RFC 7518 §3.5's 32-byte salt verifies, a 0-byte one does not.
  const check = nodePlatform(keys, facts(32));
  assert.equal(check(0, 0, data, signed(32), null), 1);
  assert.equal(check(0, 0, data, signed(0), null), 0);
  // A missing or wrong fact gives no answer (the verdict is then "unchecked"), for either signature.
  for (const bad of [undefined, null, "32", 0, 20]) {
    const unsure = nodePlatform(keys, facts(bad));
    assert.deepEqual([unsure(0, 0, data, signed(32), null), unsure(0, 0, data, signed(0), null)], [-1, -1], String(bad));
  }
});
