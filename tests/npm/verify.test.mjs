// Differential tests: jose (on node's WebCrypto) signs with every algorithm;
// the packed jwtlens package verifies, from JWK and from PEM; tampered
// tokens are rejected by both.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { SignJWT, generateKeyPair, generateSecret, exportJWK, exportSPKI, jwtVerify } from "jose";
import { installed } from "./install.mjs";

let jwtlens;
before(async () => {
  jwtlens = await installed();
});

const ALGS = ["HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"];
const NOW = 1_795_000_000;

async function keysFor(alg) {
  if (alg.startsWith("HS")) {
    const secret = await generateSecret(alg, { extractable: true });
    const jwk = await exportJWK(secret);
    return { sign: secret, verifyKey: secret, texts: { jwk: JSON.stringify({ ...jwk, alg }) } };
  }
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true, crv: alg === "EdDSA" ? "Ed25519" : undefined });
  const jwk = await exportJWK(publicKey);
  return { sign: privateKey, verifyKey: publicKey, texts: { jwk: JSON.stringify({ ...jwk, kid: "k1" }), pem: await exportSPKI(publicKey) } };
}

for (const alg of ALGS) {
  test(`jose signs ${alg}, jwtlens verifies; tampering is caught by both`, async () => {
    const { sign, verifyKey, texts } = await keysFor(alg);
    const token = await new SignJWT({ sub: "ada", scope: "read" })
      .setProtectedHeader({ alg, kid: "k1" })
      .setIssuedAt(NOW)
      .setExpirationTime(NOW + 3600)
      .sign(sign);
    for (const [format, text] of Object.entries(texts)) {
      const key = jwtlens.importKey(text);
      assert.equal(key.detected, format);
      const report = jwtlens.verify(token, key, { now: NOW + 60 });
      assert.equal(report.verification.status, "verified", `${alg} ${format}: ${report.verification.message}`);
      assert.equal(report.claims.sub, "ada");
      assert.equal(report.time.status, "valid");
    }
    const [h, p, s] = token.split(".");
    const forged = `${h}.${Buffer.from(JSON.stringify({ sub: "eve", scope: "admin" })).toString("base64url")}.${s}`;
    await assert.rejects(jwtVerify(forged, verifyKey, { currentDate: new Date((NOW + 60) * 1000) }));
    const report = jwtlens.verify(forged, jwtlens.importKey(texts.jwk), { now: NOW + 60 });
    assert.equal(report.verification.status, "invalid", report.verification.message);
  });
}

test("key confusion: an RSA public key is never used as an HMAC secret", async () => {
  const { publicKey } = await generateKeyPair("RS256", { extractable: true });
  const pem = await exportSPKI(publicKey);
  // The classic attack: HS256 with the PEM text as the secret.
  const token = await new SignJWT({ sub: "eve" }).setProtectedHeader({ alg: "HS256" }).sign(new TextEncoder().encode(pem));
  const report = jwtlens.verify(token, jwtlens.importKey(pem));
  assert.equal(report.verification.status, "no_usable_key");
  assert.match(report.verification.message, /key-confusion attack/);
});

test("importKey: formats, encodings and located errors", () => {
  const { importKey, JwtlensError } = jwtlens;
  assert.equal(importKey("my secret").detected, "secret");
  assert.equal(importKey("68656c6c6f", { encoding: "hex" }).keys[0].bits, 40);
  assert.equal(importKey("aGVsbG8", { format: "secret", encoding: "base64url" }).keys[0].bits, 40);
  const set = importKey(JSON.stringify({ keys: [{ kty: "oct", k: "AAAA", kid: "a" }, { kty: "EC", crv: "P-256", x: "AA", y: "AA", kid: "b" }] }));
  assert.equal(set.keys.length, 1);
  assert.equal(set.skipped[0].at, "keys[1].x");
  for (const [text, options, format, at] of [
    ['{"kty":"RSA","n":"AQAB"}', {}, "jwk", "e"],
    ["-----BEGIN PUBLIC KEY-----\nnot base64\n-----END PUBLIC KEY-----", {}, "pem", undefined],
    ["zz", { encoding: "hex" }, "hex_secret", "character 0"],
    ["-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----", {}, "pem", "PRIVATE KEY"],
  ]) {
    const is = (e) => e instanceof JwtlensError && e.code === "bad_key" && e.format === format && e.at === at && e.expected === undefined;
    assert.throws(() => importKey(text, options), is, text);
  }
  assert.throws(() => importKey("x", { format: "xml" }), (e) => e.code === "invalid_argument");
  assert.throws(() => importKey(42), (e) => e.code === "invalid_argument");
});

test("verify with a string key, alg none, and no usable key", async () => {
  const { verify } = jwtlens;
  const secret = "0123456789abcdef0123456789abcdef";
  const token = await new SignJWT({ a: 1 }).setProtectedHeader({ alg: "HS256" }).sign(new TextEncoder().encode(secret));
  assert.equal(verify(token, secret).verification.status, "verified");
  assert.equal(verify(token, "short").verification.error.code, "key_too_short");
  const none = `${Buffer.from('{"alg":"none"}').toString("base64url")}.${Buffer.from('{"a":1}').toString("base64url")}.`;
  assert.equal(verify(none, secret).verification.status, "unsecured");
  assert.equal(jwtlens.inspect(token).verification.status, "no_key");
});

test("verify checks a policy and reports each check", async () => {
  const { verify, verifyFast, createVerifier, importKey, JwtlensError } = jwtlens;
  const secret = "0123456789abcdef0123456789abcdef";
  const token = await new SignJWT({ sub: "ada" })
    .setProtectedHeader({ alg: "HS256", typ: "at+jwt" })
    .setIssuer("https://issuer.example")
    .setAudience(["api", "web"])
    .setIssuedAt(NOW)
    .setExpirationTime(NOW + 600)
    .sign(new TextEncoder().encode(secret));
  const key = importKey(secret);
  const good = verify(token, key, { now: NOW + 10, policy: { issuer: "https://issuer.example", audience: "api", typ: "AT+JWT", algorithms: ["HS256"], required: ["sub"], maxAge: 3600 } });
  assert.equal(good.verdict.status, "valid", good.verdict.message);
  assert.deepEqual(good.checks.filter((c) => c.outcome !== "passed").map((c) => c.name), ["sub", "nbf"], "only the unset ones are skipped");
  const bad = verify(token, key, { now: NOW + 630, policy: { audience: ["billing"], leeway: 10 } });
  assert.equal(bad.verdict.status, "claims_fail");
  const byName = Object.fromEntries(bad.checks.map((c) => [c.name, c]));
  assert.equal(byName.aud.outcome, "failed");
  assert.equal(byName.aud.actual, '["api", "web"]');
  assert.equal(byName.exp.outcome, "failed");
  assert.match(byName.exp.message, /Expired 30 s ago \(leeway 10 s\)/);
  // Not JSON data: the face refuses it. JSON the core cannot use as a policy: the core's code and reason.
  for (const policy of [{ leeway: NaN }, { maxAge: Infinity }]) {
    assert.throws(() => verify(token, key, { policy }), (e) => e.code === "invalid_argument", JSON.stringify(policy));
  }
  const reasons = [
    [{ leeway: -1 }, "negative"],
    [{ leeway: 1e12 }, "too_long"],
    [{ algorithms: ["HS999"] }, "unknown_algorithm"],
    [{ colour: "red" }, "unknown"],
    [{ clockTolerance: 5 }, "synonym"],
    [{ issuer: [] }, "empty_list"],
    [{ audience: null }, "null"],
    [{ audience: [1] }, "wrong_type"],
    [{ now: 5 }, "time_in_policy"],
  ];
  for (const [policy, reason] of reasons) {
    for (const call of [() => verify(token, key, { policy }), () => verifyFast(token, key, { policy }), () => createVerifier({ key, policy })]) {
      assert.throws(call, (e) => e instanceof JwtlensError && e.code === "bad_policy" && e.reason === reason && /options\.policy/.test(e.message), JSON.stringify(policy));
    }
  }
});

test("jwtlens generates keys and signs with every algorithm; jose verifies", async () => {
  const { generateKey, sign } = await installed("sign");
  const { verify, importKey } = jwtlens;
  const { importJWK } = await import("jose");
  for (const alg of [...ALGS, "ES256K"]) {
    const key = generateKey(alg);
    assert.equal(key.alg, alg);
    assert.match(key.thumbprint, /^[A-Za-z0-9_-]{43}$/);
    const token = sign({ alg, typ: "JWT", kid: key.thumbprint }, { sub: "ada", iat: NOW }, key.privateJwk);
    const report = verify(token, importKey(JSON.stringify(key.publicJwk)), { now: NOW });
    assert.equal(report.verification.status, "verified", `${alg}: ${report.verification.message}`);
    assert.equal(report.header.json.kid, key.thumbprint);
    if (alg === "ES256K") continue; // jose on node's WebCrypto has no secp256k1
    const joseKey = await importJWK({ ...key.publicJwk, alg }, alg);
    const { payload, protectedHeader } = await jwtVerify(token, joseKey);
    assert.equal(payload.sub, "ada");
    assert.equal(protectedHeader.alg, alg);
  }
});

test("sign refuses what it must, with a JwtlensError", async () => {
  const { sign, generateKey, JwtlensError } = await installed("sign");
  assert.equal(JwtlensError, jwtlens.JwtlensError, "one error type across the entries");
  assert.throws(() => sign({ alg: "HS256" }, { a: 1 }, "short"), JwtlensError);
  assert.throws(() => sign({ alg: "HS256" }, { a: 1 }, "short"), (e) => e.code === "sign_error" && /at least 32 bytes/.test(e.message));
  assert.throws(() => sign({ alg: "RS256" }, { a: 1 }, "a-secret-that-is-long-enough-for-hs256!!"), (e) => e.code === "sign_error");
  assert.throws(() => sign({ alg: "none" }, { a: 1 }, "x".repeat(32)), (e) => e.code === "sign_error");
  assert.throws(() => sign({ typ: "JWT" }, { a: 1 }, "x".repeat(32)), (e) => e.code === "invalid_argument");
  assert.throws(() => sign({ alg: "HS256" }, [1], "x".repeat(32)), (e) => e.code === "invalid_argument");
  assert.throws(() => generateKey("HS999"), (e) => e.code === "invalid_argument");
  assert.throws(() => generateKey(256), (e) => e.code === "invalid_argument");
});

test("verifyFast gives the same verdict as verify, without the report", async () => {
  const { verify, verifyFast, importKey } = jwtlens;
  const secret = "0123456789abcdef0123456789abcdef";
  const key = importKey(secret);
  const token = await new SignJWT({ sub: "ada", aud: "api" }).setProtectedHeader({ alg: "HS256" }).setExpirationTime(NOW + 60).sign(new TextEncoder().encode(secret));
  for (const [now, policy] of [[NOW, undefined], [NOW + 120, undefined], [NOW, { audience: "web" }], [NOW, { audience: "api", leeway: 0 }]]) {
    const full = verify(token, key, { now, policy });
    const fast = verifyFast(token, key, { now, policy });
    assert.equal(fast.status, full.verdict.status);
    assert.equal(fast.message, full.verdict.message);
    assert.equal(fast.valid, full.verdict.status === "valid");
    // The claims only with a valid verdict.
    assert.deepEqual(fast.payload, fast.valid ? full.payload.json : null);
  }
  const forged = token.slice(0, -2) + (token.endsWith("AA") ? "BB" : "AA");
  assert.equal(verifyFast(forged, key, { now: NOW }).status, "invalid_signature");
  const broken = verifyFast("not.a.token", key);
  assert.equal(broken.status, "malformed");
  assert.equal(broken.header, null);
  // The result crosses as NUL-separated text: a NUL inside the message (here from a kid) stays in it.
  const kid = "a\u0000b";
  const jwk = (k) => ({ kty: "oct", kid, k: Buffer.from(k).toString("base64url") });
  const twins = importKey(JSON.stringify({ keys: [jwk(secret), jwk(secret.toUpperCase())] }));
  const withKid = await new SignJWT({ sub: "ada" }).setProtectedHeader({ alg: "HS256", kid }).sign(new TextEncoder().encode(secret));
  const ambiguous = verifyFast(withKid, twins, { now: NOW });
  assert.equal(ambiguous.status, verify(withKid, twins, { now: NOW }).verdict.status);
  assert.equal(ambiguous.message, verify(withKid, twins, { now: NOW }).verdict.message);
  assert.ok(ambiguous.message.includes(kid), ambiguous.message);
  assert.equal(ambiguous.header, null, "a refused token's header is not handed out");
});

test("createVerifier: the key and policy read once, the same verdicts as verifyFast, and its options checked", async () => {
  const jwtlens = await installed();
  const secret = "a-secret-of-at-least-thirty-two-bytes";
  const b64 = (x) => Buffer.from(JSON.stringify(x)).toString("base64url");
  const { createHmac } = await import("node:crypto");
  const sign = (header, payload) => {
    const input = `${b64(header)}.${b64(payload)}`;
    return `${input}.${createHmac("sha256", secret).update(input).digest("base64url")}`;
  };
  const now = 1_795_000_000;
  const policy = { algorithms: ["HS256"], issuer: "https://issuer.example", audience: "api" };
  const verifier = jwtlens.createVerifier({ key: jwtlens.importKey(secret), policy });
  const good = sign({ alg: "HS256" }, { iss: "https://issuer.example", aud: "api", sub: "ada", exp: now + 60 });
  const cases = [
    good,
    sign({ alg: "HS256" }, { iss: "https://evil.example", aud: "api", exp: now + 60 }),
    sign({ alg: "HS256" }, { iss: "https://issuer.example", aud: "other", exp: now + 60 }),
    sign({ alg: "HS256" }, { iss: "https://issuer.example", aud: "api", exp: now - 3600 }),
    good.slice(0, -2) + "AA",
    "not a token",
    // The token's text goes into the wasm by TextEncoder.encodeInto (js/input.js): text that is
    // not ASCII, a lone surrogate (U+FFFD, as a string argument becomes), nothing at all, a token
    // past the room kept between calls (64 KiB) and one that grows the wasm's memory; then the
    // good token again, in the room given back.
    "é." + good,
    good.replace(".", "\uD800."),
    "",
    sign({ alg: "HS256" }, { iss: "https://issuer.example", aud: "api", exp: now + 60, pad: "x".repeat(70_000) }),
    "e".repeat(3_000_000),
    good,
  ];
  for (const token of cases) {
    assert.deepEqual(verifier(token, { now }), jwtlens.verifyFast(token, secret, { now, policy }), token.slice(0, 80));
  }
  const ok = verifier(good, { now });
  assert.equal(ok.valid, true);
  assert.equal(ok.payload.sub, "ada");
  assert.equal(verifier(good, { now: now + 3600 }).status, "claims_fail");
  // No now: the platform clock judges; a token that expired in 2001 fails unless now: false skips the check.
  const old = sign({ alg: "HS256" }, { iss: "https://issuer.example", aud: "api", exp: 1_000_000_000 });
  assert.equal(verifier(old).status, "claims_fail");
  assert.equal(verifier(old, { now: false }).status, "valid");
  // The policy is checked when the verifier is made, and misplaced names say where they go.
  assert.throws(() => jwtlens.createVerifier({ key: secret, policy: { leeway: -1 } }), /options\.policy\.leeway must not be negative, found -1/);
  // Only plain data crosses to the core, which owns the policy's contract.
  assert.throws(() => jwtlens.createVerifier({ key: secret, policy: { issuer: [new String("x")] } }), /options\.policy\.issuer\[0\] must be plain JSON data/);
  assert.throws(() => jwtlens.createVerifier({ key: secret, policy: { maxAge: NaN } }), /options\.policy\.maxAge must be a finite number/);
  assert.throws(() => jwtlens.createVerifier({ key: secret, policy: { audience: [1] } }), /options\.policy\.audience\[0\] must be a string, found a number/);
  assert.throws(() => jwtlens.createVerifier({ key: secret, issuer: "x" }), /use options\.policy\.issuer/);
  // The time goes to each call, whatever name it is given.
  for (const name of ["now", "currentDate"]) {
    assert.throws(() => jwtlens.createVerifier({ key: secret, [name]: 1 }), new RegExp(`options\\.${name} is not an option of createVerifier: use verifier\\(token, \\{ now \\}\\), on each call`));
  }
  assert.throws(() => jwtlens.createVerifier({ policy }), /options\.key is required/);
  assert.throws(() => verifier(good, { policy }), /createVerifier/);
  assert.throws(() => verifier(good, { clockTolerance: 5 }), /options\.clockTolerance is not an option of a verifier: use options\.policy\.leeway when the verifier is made/);
  assert.throws(() => jwtlens.createVerifier({ key: secret, constructor: 1 }), /not an option of createVerifier \(the options are key, policy\)/);
  assert.throws(() => verifier(good, { now: Date.now() }), /milliseconds/);
  assert.throws(() => verifier(42), /token must be a string/);
});

test("a verdict's header is its own object: a repeated flat header is copied, a nested one parsed, neither shared", async () => {
  const jwtlens = await installed();
  const secret = "a-secret-of-at-least-thirty-two-bytes";
  const b64 = (x) => Buffer.from(typeof x === "string" ? x : JSON.stringify(x)).toString("base64url");
  const { createHmac } = await import("node:crypto");
  const sign = (header, payload) => {
    const input = `${b64(header)}.${b64(payload)}`;
    return `${input}.${createHmac("sha256", secret).update(input).digest("base64url")}`;
  };
  const verifier = jwtlens.createVerifier({ key: jwtlens.importKey(secret), policy: { algorithms: ["HS256"] } });
  const headers = [
    '{"alg":"HS256","typ":"JWT","kid":"k1","n":1.5e3,"b":true,"z":null}',
    '{"alg":"HS256","__proto__":"p","constructor":"c"}',
    '{"alg":"HS256","x5c":["a"],"jwk":{"kty":"oct"}}',
    '{"alg":"HS256","note":"{[ braces in a string ]}"}',
  ];
  for (const header of headers) {
    const token = sign(header, { sub: "ada" });
    const first = verifier(token, { now: false });
    assert.equal(first.valid, true, header);
    assert.deepEqual(first.header, JSON.parse(header), header);
    first.header.alg = "none";
    if (first.header.jwk) first.header.jwk.kty = "changed";
    for (let i = 0; i < 3; i++) {
      const again = verifier(token, { now: false });
      assert.deepEqual(again.header, JSON.parse(header), `${header}, call ${i}`);
      assert.deepEqual(Object.keys(again.header), Object.keys(JSON.parse(header)));
      assert.equal(Object.getPrototypeOf(again.header), Object.prototype);
      assert.notEqual(again.header, first.header);
    }
    assert.deepEqual(jwtlens.verifyFast(token, secret, { now: false }).header, JSON.parse(header));
  }
});
