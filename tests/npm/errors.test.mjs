// Errors and inputs against the TypeScript declarations. Every reason word
// the .d.ts names for a key, signing or policy error is produced here by a
// real call (or listed as unreachable through the package, with why), every
// word the package produces is declared, and every thrown JwtlensError has the
// declared shape. The input types are held to the words the core itself
// knows: the policy's members, the key formats and secret encodings, as the
// core lists them in its own refusals. `tsc --strict` judges: an object
// literal typed Record<Reason, string> fails on a missing or an extra word.
import { test } from "node:test";
import assert from "node:assert/strict";
import { generateKeyPairSync } from "node:crypto";
import { installed, typecheck } from "./install.mjs";
const b64 = (bytes) => Buffer.from(bytes).toString("base64");
const b64url = (bytes) => Buffer.from(bytes).toString("base64url");
const pem = (label, der) => `-----BEGIN ${label}-----\n${b64(der)}\n-----END ${label}-----`;

// DER, as much as the samples need (X.690 §8: tag, definite length, contents).
const tlv = (tag, ...parts) => {
  const body = Buffer.concat(parts.map((p) => Buffer.from(p)));
  const n = body.length;
  const len = n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : [0x82, n >> 8, n & 0xff];
  return Buffer.concat([Buffer.from([tag, ...len]), body]);
};
const seq = (...p) => tlv(0x30, ...p);
const oid = (bytes) => tlv(0x06, bytes);
const ED25519 = [0x2b, 0x65, 0x70];
const X25519 = [0x2b, 0x65, 0x6e];
const EC = [0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01];
const spki = (alg, key, unused = 0) => seq(alg, tlv(0x03, [unused], key));

// An RSA modulus of `bits` bits, odd or even, as base64url.
const modulus = (bits, odd = true) => {
  const bytes = Buffer.alloc(Math.ceil(bits / 8), 0xc5);
  bytes[0] = 0xff >> (bytes.length * 8 - bits);
  bytes[bytes.length - 1] = odd ? 0xc5 : 0xc4;
  return b64url(bytes);
};

// Reasons no input to the npm package can produce, and why: declared for the
// Rust API's users, who can construct what the package's checks forbid.
const UNREACHABLE = {
  bad_key: {
    not_key_text: "only KeyInput::Key (Rust) refuses text with no sign of a key; the package's \"auto\" takes it as a secret",
  },
  sign_error: {
    not_object: "the package writes header and claims from JS objects; key text starting with { that is JSON is an object",
    bad_public_half: "the rsa crate validates a private key's numbers before the public half is judged",
    crypto: "the signing arithmetic failing (no randomness, an RSA blinding failure)",
  },
  bad_policy: {
    not_an_object: "the face refuses a policy that is not an object as invalid_argument",
    duplicate: "a JS object cannot name a member twice",
    not_finite: "the face refuses NaN and Infinity as invalid_argument before the core sees them",
    not_a_number: "the package takes durations as JS numbers; text is read by the page and the CLI (policy::seconds)",
  },
};

test("every declared error reason is produced, every produced one declared, every thrown error has the declared shape", async () => {
  const jwt = await installed();
  const signing = await installed("sign");
  const thrown = [];
  const expectError = (code, reason, call, what) => {
    let error;
    try {
      call();
    } catch (e) {
      error = e;
    }
    assert.ok(error, `${what}: did not throw`);
    assert.equal(error.name, "JwtlensError", `${what}: ${error}`);
    assert.equal(error.code, code, `${what}: ${error.message}`);
    assert.equal(error.reason, reason, `${what}: ${error.message}`);
    assert.ok(error.message.length > 10 && !/\bundefined\b|\[object/.test(error.message), `${what}: ${error.message}`);
    thrown.push(error);
    return error;
  };

  // ---- bad_key: key text importKey cannot read.
  const { publicKey: ecPublic } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const ecJwk = ecPublic.export({ format: "jwk" });
  const p256P = "_____wAAAAEAAAAAAAAAAAAAAAD_______________8";
  // An Ed25519 "x" that is no point: the first y (little-endian) with no x on the curve.
  let notPoint;
  for (let y = 2; !notPoint && y < 64; y++) {
    const x = b64url(Buffer.from([y, ...Array(31).fill(0)]));
    try {
      jwt.importKey(JSON.stringify({ kty: "OKP", crv: "Ed25519", x }));
    } catch (e) {
      if (e.reason === "not_ed25519_point") notPoint = x;
    }
  }
  assert.ok(notPoint, "an Ed25519 x that is not a point");
  const keySamples = [
    ["unreadable_key_text", "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA PUBLIC KEY"],
    ["key_material_as_secret", "dd\t0A0dddd\t0\0\0\0\0\0\0\0'A00A\u0002\u0002\u0002\u0002\u0002;\u0002\u0002\u0002\u0002\u0002\u0002\u0002\u0002\u0002)\u0002\u0002\u0002\u0002\u0002\u0002\u0002\u0002\u0002\u0002\0\u0002\u0002\u0002\u0002\u0002\u0002\u0002\u0002\u0002\u0002\u0002\ufffd\ufffd\ufffd\r---\n/BEGININo---\n"],
    ["openssh", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIEnH ada@host"],
    ["not_pem", "no armour here", { format: "pem" }],
    ["private_key", pem("PRIVATE KEY", Buffer.from("MC4CAQAwBQYDK2VwBCIEIAcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcH", "base64"))],
    ["unsupported_label", "-----BEGIN FOO-----\nAAAA\n-----END FOO-----"],
    ["not_structure", "-----BEGIN CERTIFICATE-----\nMAMCAQA=\n-----END CERTIFICATE-----"],
    ["unknown_der", b64(seq(tlv(0x02, [0]), tlv(0x02, [0]), tlv(0x02, [0]), tlv(0x02, [0]), tlv(0x02, [0]), tlv(0x02, [0]), tlv(0x02, [0]), tlv(0x02, [0]), tlv(0x02, [0]), tlv(0x02, [0])))],
    ["unreadable_key", pem("PUBLIC KEY", spki(seq(oid(ED25519)), Array(32).fill(9), 1))],
    ["no_named_curve", pem("PUBLIC KEY", spki(seq(oid(EC), tlv(0x05)), [4, ...Array(64).fill(1)]))],
    ["unsupported_curve", JSON.stringify({ kty: "EC", crv: "P-192", x: "AA", y: "AA" })],
    ["unsupported_algorithm", pem("PUBLIC KEY", spki(seq(oid(X25519)), Array(32).fill(9)))],
    ["unsupported_key_type", '{"kty":"XYZ"}'],
    ["rsa_too_large", JSON.stringify({ kty: "RSA", n: modulus(4104), e: "AQAB" })],
    ["even_modulus", JSON.stringify({ kty: "RSA", n: modulus(2048, false), e: "AQAB" })],
    ["bad_exponent", JSON.stringify({ kty: "RSA", n: modulus(2048), e: "BA" })],
    ["exponent_too_large", JSON.stringify({ kty: "RSA", n: "Cw", e: "DQ" })],
    ["exponent_above_limit", JSON.stringify({ kty: "RSA", n: modulus(2048), e: b64url([2, 0, 0, 0, 1]) })],
    ["rsa_too_large", pem("RSA PUBLIC KEY", seq(tlv(0x02, [0, ...Buffer.from(modulus(4104), "base64url")]), tlv(0x02, [1, 0, 1])))],
    ["empty_secret", '{"kty":"oct","k":""}'],
    ["bad_encoding", "de ad š", { encoding: "hex" }],
    ["not_json", "{", { format: "jwk" }],
    ["not_object", "[1]", { format: "jwk" }],
    ["duplicate_member", '{"kty":"oct","kty":"oct","k":"AAAA"}'],
    ["no_keys", '{"keys":[]}'],
    ["keys_not_array", '{"keys":{}}'],
    ["not_string", '{"kty":1}'],
    ["missing", '{"kty":"EC"}'],
    ["not_base64url", '{"kty":"oct","k":"a b"}'],
    ["not_strict_base64url", '{"kty":"oct","k":"AAA="}'],
    ["wrong_length", JSON.stringify({ ...ecJwk, x: "AAAA" })],
    ["not_on_curve", JSON.stringify({ kty: "EC", crv: "P-256", x: "A".repeat(43), y: p256P })],
    ["not_ed25519_point", JSON.stringify({ kty: "OKP", crv: "Ed25519", x: notPoint })],
    ["key_ops_not_array", '{"kty":"oct","k":"AAAA","key_ops":"sign"}'],
  ];
  const keyReasons = {};
  for (const [reason, text, options] of keySamples) {
    const e = expectError("bad_key", reason, () => jwt.importKey(text, options), `importKey ${reason}`);
    keyReasons[reason] = e.message;
  }
  // A JWK Set's unreadable members are reported as skipped, with the same words.
  const set = jwt.importKey(JSON.stringify({ keys: [ecJwk, { kty: "EC", crv: "P-256", x: "AA", y: "AA" }] }));
  assert.deepEqual(set.skipped.map((s) => [s.code, s.reason, s.at]), [["bad_key", "wrong_length", "keys[1].x"]]);

  // ---- sign_error: tokens that cannot be signed, private keys that cannot be read.
  const { privateKey: rsa1024 } = generateKeyPairSync("rsa", { modulusLength: 1024 });
  const { publicKey: edPublic } = generateKeyPairSync("ed25519");
  const claims = { sub: "ada" };
  const signSamples = [
    ["not_json", () => signing.sign({ alg: "ES256" }, claims, "{")],
    ["unsecured", () => signing.sign({ alg: "none" }, claims, "x".repeat(32))],
    ["empty_key", () => signing.sign({ alg: "HS256" }, claims, "   ")],
    ["not_pem", () => signing.sign({ alg: "ES256" }, claims, "-----BEGIN PRIVATE KEY-----\n!!!!\n-----END PRIVATE KEY-----")],
    ["not_private_label", () => signing.sign({ alg: "EdDSA" }, claims, edPublic.export({ type: "spki", format: "pem" }))],
    ["not_structure", () => signing.sign({ alg: "ES256" }, claims, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----")],
    ["missing_member", () => signing.sign({ alg: "ES256" }, claims, '{"kty":"EC","crv":"P-256"}')],
    ["not_base64url", () => signing.sign({ alg: "ES256" }, claims, '{"kty":"EC","crv":"P-256","d":"a b"}')],
    ["wrong_length", () => signing.sign({ alg: "EdDSA" }, claims, '{"kty":"OKP","crv":"Ed25519","d":"AAAA"}')],
    ["bad_jwk", () => signing.sign({ alg: "ES256" }, claims, '{"kty":"EC","crv":"P-256","d":"AAAA"}')],
    ["unsupported_jwk", () => signing.sign({ alg: "ES256" }, claims, '{"kty":"XYZ"}')],
    ["key_mismatch", () => signing.sign({ alg: "RS256" }, claims, "a-secret-that-is-long-enough-for-hs256!!")],
    ["secret_too_short", () => signing.sign({ alg: "HS256" }, claims, "short")],
    ["rsa_too_short", () => signing.sign({ alg: "RS256" }, claims, rsa1024.export({ type: "pkcs8", format: "pem" }))],
  ];
  const signReasons = {};
  for (const [reason, call] of signSamples) {
    signReasons[reason] = expectError("sign_error", reason, call, `sign ${reason}`).message;
  }

  // ---- bad_policy: policies the core cannot use, through verify.
  const key = jwt.importKey("a-secret-of-at-least-thirty-two-bytes");
  const token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln";
  const policySamples = [
    ["negative", { leeway: -1 }],
    ["too_long", { leeway: 1e12 }],
    ["unknown_algorithm", { algorithms: ["HS999"] }],
    ["unknown", { colour: "red" }],
    ["synonym", { clockTolerance: 5 }],
    ["empty_list", { issuer: [] }],
    ["null", { audience: null }],
    ["wrong_type", { audience: [1] }],
    ["time_in_policy", { now: 5 }],
  ];
  const policyReasons = {};
  for (const [reason, policy] of policySamples) {
    policyReasons[reason] = expectError("bad_policy", reason, () => jwt.verify(token, key, { policy }), `policy ${reason}`).message;
  }

  // ---- Inputs: the words the core lists when it refuses one, against the declared input types.
  const listed = (message) => {
    const m = /\(([^()]*)\)\s*$/.exec(message);
    assert.ok(m, `a list of known words at the end of: ${message}`);
    return m[1].split(", ").map((w) => w.replace(/^options\.policy\./, ""));
  };
  const policyFields = listed(policyReasons.unknown.replace(/^.*\(the policy has /, "("));
  const formatError = expectError("invalid_argument", undefined, () => jwt.importKey("x", { format: "x509" }), "format");
  const encodingError = expectError("invalid_argument", undefined, () => jwt.importKey("x", { encoding: "b64" }), "encoding");
  // A word the core does not know: the option named, the word given back, the call's part.
  assert.deepEqual([formatError.part, formatError.found, /^options\.format: unknown key format "x509"/.test(formatError.message)], ["input", "x509", true], formatError.message);
  assert.deepEqual([encodingError.part, encodingError.found, /^options\.encoding: /.test(encodingError.message)], ["input", "b64", true], encodingError.message);
  const formats = listed(formatError.message);
  const encodings = listed(encodingError.message);
  assert.ok(policyFields.includes("maxAge") && formats.includes("jwk") && encodings.includes("hex"), `${policyFields} / ${formats} / ${encodings}`);

  // Errors of the other faces' arguments have the same shape.
  expectError("invalid_argument", undefined, () => jwt.verify(token, key, { policy: { leeway: NaN } }), "NaN leeway");
  expectError("invalid_argument", undefined, () => jwt.verify(token, key, { issuer: "x" }), "jose's option name");
  expectError("wrong_segment_count", undefined, () => jwt.decode("a.b"), "decode");
  expectError("invalid_argument", undefined, () => jwt.importKey("x", { format: 5 }), "a format that is no string");

  // Every declared reason is produced or said to be unreachable, never both.
  const groups = { bad_key: keyReasons, sign_error: signReasons, bad_policy: policyReasons };
  for (const [code, produced] of Object.entries(groups)) {
    for (const reason of Object.keys(UNREACHABLE[code])) assert.ok(!(reason in produced), `${code}/${reason} is produced, not unreachable`);
  }
  const record = (name, type, produced, unreachable) =>
    `export const ${name}: Record<${type}, string> = ${JSON.stringify({ ...produced, ...Object.fromEntries(Object.entries(unreachable).map(([k, v]) => [k, `unreachable: ${v}`])) })};`;
  const shape = (e) => Object.fromEntries(Object.getOwnPropertyNames(e).filter((k) => k !== "stack").map((k) => [k, e[k]]));
  const lines = [
    'import type { JwtlensError, KeyErrorReason, SignErrorReason, PolicyErrorReason, Policy, ImportKeyOptions } from "jwtlens";',
    'type ErrorShape = Omit<JwtlensError, "stack" | "cause">;',
    record("keyReasons", "KeyErrorReason", keyReasons, UNREACHABLE.bad_key),
    record("signReasons", "SignErrorReason", signReasons, UNREACHABLE.sign_error),
    record("policyReasons", "PolicyErrorReason", policyReasons, UNREACHABLE.bad_policy),
    `export const policyFields: Record<keyof Policy, true> = ${JSON.stringify(Object.fromEntries(policyFields.map((f) => [f, true])))};`,
    `export const formats: Record<NonNullable<ImportKeyOptions["format"]>, true> = ${JSON.stringify(Object.fromEntries(formats.map((f) => [f, true])))};`,
    `export const encodings: Record<NonNullable<ImportKeyOptions["encoding"]>, true> = ${JSON.stringify(Object.fromEntries(encodings.map((f) => [f, true])))};`,
    ...thrown.map((e, i) => `export const e${i}: ErrorShape = ${JSON.stringify(shape(e))};`),
  ];
  const differences = typecheck("error-shapes", lines);
  assert.equal(differences, null, `tsc found differences from the declarations:\n${differences}`);
  const count = (g) => Object.keys(g).length;
  console.log(
    `# reasons produced: bad_key ${count(keyReasons)}, sign_error ${count(signReasons)}, bad_policy ${count(policyReasons)}; ` +
      `${thrown.length} thrown errors and ${policyFields.length + formats.length + encodings.length} input words match the declarations`,
  );
});

test("the sandbox's declared inputs are the words the core reads: flow options, strategies, steps, request members, destinations, SameSite values", async () => {
  const flows = await installed("flows");
  const cookies = await installed("cookies");
  // The core's refusal of an unknown word lists the known ones (serde's derive, or UnknownWord).
  const words = (call, what) => {
    let message;
    try {
      call();
    } catch (e) {
      assert.equal(e.code, "invalid_argument", `${what}: ${e.message}`);
      message = e.message;
    }
    assert.ok(message, `${what}: did not throw`);
    const list = /expected one of (.*?)(?: at line \d+ column \d+)?$/.exec(message) ?? /\(([^()]*)\)$/.exec(message);
    assert.ok(list, `${what}: no list of known words in: ${message}`);
    return list[1].split(", ").map((w) => w.replace(/`/g, ""));
  };
  const NOW = { now: 1_795_000_000 };
  const found = {
    flowOptions: words(() => flows.simulate({ colour: 1 }, ["login"]), "a flow option"),
    strategies: words(() => flows.simulate({ strategy: "cookies" }, ["login"]), "a strategy"),
    steps: words(() => flows.simulate({}, ["dance"]), "a step"),
    // serde also reads "strict", "lax" and "none" (aliases, as browsers compare the attribute
    // case-insensitively); the declared words are the attribute's own spelling.
    sameSite: words(() => flows.simulate({ sameSite: "Sometimes" }, ["login"]), "a SameSite value").filter((w) => w !== w.toLowerCase()),
    requestMembers: words(() => new cookies.CookieJar().cookiesFor({ url: "https://a.example/", colour: 1 }, NOW), "a request member"),
    destinations: words(() => new cookies.CookieJar().cookiesFor({ url: "https://a.example/", destination: "iframe" }, NOW), "a destination"),
    thirdParty: words(() => new cookies.CookieJar({ thirdPartyCookies: "maybe" }), "a third-party cookie setting"),
  };
  const types = {
    flowOptions: "keyof FlowOptions",
    strategies: "FlowStrategy",
    steps: 'FlowStep["step"]',
    sameSite: 'NonNullable<FlowOptions["sameSite"]>',
    requestMembers: "keyof Exclude<CookieRequest, string>",
    destinations: 'NonNullable<Exclude<CookieRequest, string>["destination"]>',
    thirdParty: 'NonNullable<FlowOptions["thirdPartyCookies"]>',
  };
  const lines = [
    'import type { FlowOptions, FlowStrategy, FlowStep } from "jwtlens/flows";',
    'import type { CookieRequest } from "jwtlens/cookies";',
    ...Object.entries(found).map(([name, list]) => `export const ${name}: Record<${types[name]}, true> = ${JSON.stringify(Object.fromEntries(list.map((w) => [w, true])))};`),
  ];
  const differences = typecheck("sandbox-inputs", lines);
  assert.equal(differences, null, `tsc found differences from the declarations:\n${differences}\n${lines.join("\n")}`);
  const total = Object.values(found).reduce((n, l) => n + l.length, 0);
  console.log(`# ${total} sandbox input words (${Object.keys(found).join(", ")}) match the declarations`);
});
