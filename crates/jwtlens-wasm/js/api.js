// The npm face of jwtlens: convert arguments, call the core, convert back.
// Every decision is the core's (crates/jwtlens); this file only moves data.
import {
  inspectJson,
  decodeJson,
  verifyJson,
  verifyFastJson,
  importKey as importKeyRaw,
  verifySignatureJson,
  verifySdJwtJson,
  decodeSdJwtJson,
  VerifierHandle,
  algorithmNames as coreAlgorithmNames,
  version as coreVersion,
} from "./jwtlens_wasm.js";
import { platformFactory, requireLoaded } from "./platform.js";
import { Arithmetic } from "./arithmetic.js";

// The core's algorithms in the order its platform callback numbers them (read
// once, on first use: this module is evaluated before the wasm is instantiated).
let algorithms;
function algorithmNames() {
  algorithms ??= coreAlgorithmNames().split(",");
  return algorithms;
}
import { JwtlensError, argumentError, callCore, coreError, describe, jsonArgument, nowArgument } from "./common.js";

export { JwtlensError };

// With `jwtlens/init`, the API is usable once init() or initSync() has run.
function requireReady() {
  requireLoaded("jwt", (d) => new JwtlensError(d), "jwtlens/init");
}

function tokenArgument(token) {
  if (typeof token !== "string") {
    throw argumentError(`The token must be a string, but a ${describe(token)} was given.`, describe(token));
  }
  return token;
}

// For verify and verifyFast: the platform clock unless a time is given or
// `now: false` asks, explicitly, for the time checks to be skipped.
function verifyNowArgument(now) {
  if (now === undefined) return Date.now() / 1000;
  const seconds = nowArgument(now);
  if (seconds !== undefined && seconds < EARLIEST_NOW) {
    // 0, a small count or performance.now() would make every expired token valid.
    throw argumentError(
      `options.now is ${seconds}, before 2001-09-09: not the current time (performance.now() is not a clock). Give seconds since 1970, a Date, or false to skip the time checks.`,
      String(now),
    );
  }
  return seconds;
}
const EARLIEST_NOW = 1e9;

// Names a jose, jsonwebtoken or fast-jwt user writes at the top level of the
// options, and where jwtlens takes them.
const MISPLACED = {
  issuer: "options.policy.issuer",
  iss: "options.policy.issuer",
  audience: "options.policy.audience",
  aud: "options.policy.audience",
  subject: "options.policy.subject",
  sub: "options.policy.subject",
  algorithms: "options.policy.algorithms",
  allowedAlgorithms: "options.policy.algorithms",
  typ: "options.policy.typ",
  maxTokenAge: "options.policy.maxAge",
  maxAge: "options.policy.maxAge",
  clockTolerance: "options.policy.leeway",
  leeway: "options.policy.leeway",
  requiredClaims: "options.policy.required",
  required: "options.policy.required",
  currentDate: "options.now",
  clockTimestamp: "options.now",
};
const VERIFY_OPTIONS = ["now", "policy"];

// Where jwtlens takes a name from MISPLACED; undefined for others (own
// properties only: `constructor` must not read as a hint).
function misplaced(name) {
  return Object.hasOwn(MISPLACED, name) ? MISPLACED[name] : undefined;
}

// An option's value only when the caller set it on the object itself: a polluted
// Object.prototype (say `Object.prototype.now = false`) must not change a verdict.
function own(options, name) {
  return options !== null && typeof options === "object" && Object.hasOwn(options, name) ? options[name] : undefined;
}

function verifyOptions(options) {
  if (options === undefined || options === null) return {};
  if (typeof options !== "object" || Array.isArray(options)) {
    throw argumentError("options must be an object such as { now, policy }.", describe(options));
  }
  for (const name of Object.keys(options)) {
    if (VERIFY_OPTIONS.includes(name)) continue;
    const right = misplaced(name);
    throw argumentError(
      right
        ? `options.${name} is not a verify option: use ${right}.`
        : `options.${name} is not a verify option (the options are now and policy).`,
      name,
    );
  }
  return { now: own(options, "now"), policy: own(options, "policy") };
}

/**
 * Decode and explain a token without verifying it.
 * @param {string} token the token; whitespace, quotes and a `Bearer ` prefix are removed with a notice
 * @param {{ now?: number | Date }} [options] `now` judges exp/nbf/iat; omitted, they are left unjudged
 * @returns {import("./index.d.ts").Report}
 */
export function inspect(token, options = {}) {
  requireReady();
  const input = tokenArgument(token);
  knownOptions(options, ["now"], "inspect");
  const now = nowArgument(own(options, "now"));
  return JSON.parse(callCore(() => inspectJson(input, now)));
}

/**
 * Decode a JWS into `{ header, payload, signature }` (signature as base64url),
 * without verifying it. Throws a `JwtlensError` at the first problem.
 * @param {string} token
 */
export function decode(token) {
  requireReady();
  // "+" header NUL payload NUL signature, or "!" and the diagnostic as JSON (see decode_json).
  const out = decodeJson(tokenArgument(token));
  if (out[0] !== "+") throw new JwtlensError(JSON.parse(out.slice(1)));
  const a = out.indexOf("\0");
  const b = out.indexOf("\0", a + 1);
  return { header: JSON.parse(out.slice(1, a)), payload: JSON.parse(out.slice(a + 1, b)), signature: out.slice(b + 1) };
}

// Each JwtlensKey's wasm handle and platform arithmetic, out of reach of the caller:
// no code outside this module can free it, swap it, or give it another platform callback.
const handles = new WeakMap();
const arithmetics = new WeakMap();
// Only importKey may construct a JwtlensKey.
const constructing = Symbol("jwtlens importKey");

/**
 * A key (or JWK Set) imported once, to verify many tokens with.
 * `detected` says what the text was; `keys` describes each key; `skipped`
 * lists JWK Set entries that could not be imported, with why.
 */
export class JwtlensKey {
  constructor(token, raw, arithmetic) {
    if (token !== constructing) {
      throw argumentError("A JwtlensKey is made by importKey(text, options), not by its constructor.", describe(token));
    }
    handles.set(this, raw);
    const json = raw.summaryJson();
    const summary = deepFreeze(JSON.parse(json));
    this.detected = summary.detected;
    this.keys = summary.keys;
    this.skipped = summary.skipped;
    // Who does the last step of RSA/ECDSA/EdDSA checks (the wasm has no such
    // arithmetic): "platform" (Node's OpenSSL, synchronous) or "webcrypto"
    // (asynchronous: the *Async functions). The platform gets its own copy of the
    // keys, fixed here: nothing done later to this object (or to `keys`, which is
    // frozen anyway) can change which key it checks.
    const keys = JSON.parse(json).keys;
    const sync = arithmetic === "platform" && platformFactory !== null ? platformFactory(keys, algorithmNames()) : null;
    const arith = new Arithmetic(keys, algorithmNames(), sync);
    raw.setPlatform(arith.callback);
    arithmetics.set(this, arith);
    this.arithmetic = arith.kind;
    Object.freeze(this);
  }
}

function deepFreeze(value) {
  if (value !== null && typeof value === "object") {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

const FORMATS = ["auto", "jwk", "pem", "secret"];
const ARITHMETIC = ["platform", "webcrypto"];
const ENCODINGS = ["utf8", "base64", "base64url", "hex"];

/**
 * Import a verification key: PEM (public key, PKCS#1, certificate), JWK, JWK Set,
 * the base64 of a DER key, or an HMAC secret. With format "auto", pasted wrappers
 * (a BOM, CRLF, quotes, \n escapes, an openssl preamble) are removed, and text
 * that looks like key material is that key or an error, never a secret; only text
 * with no sign of key material is taken as a UTF-8 secret. Say { format: "secret" }
 * to be explicit. A secret that is a public key's text never verifies (key confusion).
 * @param {string} text
 * @param {{ format?: "auto"|"jwk"|"pem"|"secret", encoding?: "utf8"|"base64"|"base64url"|"hex" }} [options]
 */
const IMPORT_OPTIONS = ["format", "encoding", "arithmetic"];

// Refuse option names a function does not take, so a typo is never silently ignored.
// Only the names in `names`. `hint(name)`, when given, says where a name another
// library uses (or a misplaced one) goes in jwtlens.
function knownOptions(options, names, what, hint = () => undefined) {
  if (options === undefined || options === null) return {};
  if (typeof options !== "object" || Array.isArray(options)) throw argumentError(`${what} options must be an object.`, describe(options));
  for (const name of Object.keys(options)) {
    if (names.includes(name)) continue;
    const right = hint(name);
    throw argumentError(
      right
        ? `options.${name} is not an option of ${what}: use ${right}.`
        : `options.${name} is not an option of ${what} (the options are ${names.join(", ")}).`,
      name,
    );
  }
  return options;
}

export function importKey(text, options = {}) {
  requireReady();
  if (typeof text !== "string") {
    throw argumentError(`The key must be a string, but a ${describe(text)} was given.`, describe(text));
  }
  knownOptions(options, IMPORT_OPTIONS, "importKey");
  const format = own(options, "format") ?? "auto";
  const encoding = own(options, "encoding") ?? "utf8";
  if (!FORMATS.includes(format)) throw argumentError(`options.format must be one of ${FORMATS.join(", ")}.`, String(format));
  if (!ENCODINGS.includes(encoding)) throw argumentError(`options.encoding must be one of ${ENCODINGS.join(", ")}.`, String(encoding));
  const arithmetic = own(options, "arithmetic") ?? "platform";
  if (arithmetic === "core") {
    throw argumentError(
      'options.arithmetic "core" is gone: the package\'s wasm has no public-key arithmetic of its own. Use "platform" (Node\'s OpenSSL) or "webcrypto" (with the *Async functions).',
      "core",
    );
  }
  if (!ARITHMETIC.includes(arithmetic)) throw argumentError(`options.arithmetic must be one of ${ARITHMETIC.join(", ")}.`, String(arithmetic));
  try {
    // An encoding implies a secret, so { encoding: "hex" } alone means a hex secret.
    const effective = own(options, "format") === undefined && own(options, "encoding") !== undefined ? "secret" : format;
    return new JwtlensKey(constructing, importKeyRaw(text, effective, encoding), arithmetic);
  } catch (e) {
    throw coreError(e, "key");
  }
}

// The policy as JSON text for the core, which owns its contract (names,
// types, empty lists, durations: jwtlens::policy::Policy::from_json). Only
// plain data crosses: own properties, no getters' side effects, no toJSON
// (a polluted prototype must not change a policy), and numbers JSON can hold
// (JSON.stringify would turn NaN into null).
function policyArgument(policy) {
  if (policy === undefined) return "";
  if (policy === null || typeof policy !== "object" || Array.isArray(policy)) {
    throw argumentError("options.policy must be an object.", describe(policy));
  }
  return jsonArgument(policy, "options.policy");
}

// The JwtlensKey given, or the key text imported.
function keyObject(key) {
  const k = typeof key === "string" ? importKey(key) : key;
  if (!handles.has(k)) {
    throw argumentError("key must be a JwtlensKey from importKey, or key text.", describe(key));
  }
  return k;
}

// The wasm handle of a key given as a JwtlensKey from importKey, or as text to import.
function keyArgument(key) {
  return handles.get(keyObject(key));
}

// `fn(handle)`, with the key's public-key checks done by the platform's
// WebCrypto where no synchronous platform does them (see js/arithmetic.js).
// Arguments are checked before the first await, so their errors reject at once.
function withWebCrypto(k, fn) {
  const raw = handles.get(k);
  return arithmetics.get(k).run(() => fn(raw));
}

// [token, JwtlensKey, now, policy JSON]; the wasm handle is handles.get(key).
function verifyArguments(token, key, options) {
  const o = verifyOptions(options);
  return [tokenArgument(token), keyObject(key), verifyNowArgument(o.now), policyArgument(o.policy)];
}

// Run a wasm export; a message it throws (a string) becomes a JwtlensError.
function callVerify(fn, args) {
  return JSON.parse(callCore(() => fn(...args)));
}

/**
 * Inspect a token and verify its signature with `key` (a JwtlensKey, or text imported with format "auto").
 * The Report's `verification.status` is "verified", "invalid", "no_usable_key", "unsecured" or "unverifiable".
 * Times are judged against the platform clock unless `now` is given; `now: false`
 * skips the time checks (and the report says so).
 * @param {string} token
 * @param {JwtlensKey | string} key
 * @param {{ now?: number | Date | false, policy?: import("./index.d.ts").Policy }} [options]
 */
export function verify(token, key, options = {}) {
  requireReady();
  const [input, k, now, policy] = verifyArguments(token, key, options);
  return callVerify(verifyJson, [input, handles.get(k), now, policy]);
}

/**
 * `verify`, with RSA, ECDSA and EdDSA checked by the platform's WebCrypto where
 * the platform has no synchronous crypto (browsers, Deno, Workers); in Node and
 * Bun it resolves to what `verify` returns. Use it in code that runs anywhere.
 * Argument errors reject.
 * @param {string} token
 * @param {JwtlensKey | string} key
 * @param {{ now?: number | Date | false, policy?: import("./index.d.ts").Policy }} [options]
 * @returns {Promise<import("./index.d.ts").Report>}
 */
export async function verifyAsync(token, key, options = {}) {
  requireReady();
  const [input, k, now, policy] = verifyArguments(token, key, options);
  return withWebCrypto(k, (raw) => callVerify(verifyJson, [input, raw, now, policy]));
}

/**
 * `verifyFast` with WebCrypto where needed (see `verifyAsync`).
 * @param {string} token
 * @param {JwtlensKey | string} key
 * @param {{ now?: number | Date | false, policy?: import("./index.d.ts").Policy }} [options]
 * @returns {Promise<import("./index.d.ts").FastVerdict>}
 */
export async function verifyFastAsync(token, key, options = {}) {
  requireReady();
  const [input, k, now, policy] = verifyArguments(token, key, options);
  return withWebCrypto(k, (raw) => fastResult(callCore(() => verifyFastJson(input, raw, now, policy))));
}

/**
 * The verdict of `verify` without the rest of the report, for hot paths:
 * `{ valid, status, message, header, payload }`; `header` and `payload` are the
 * token's objects when it is valid, `null` otherwise (unverified claims are
 * never handed out here: use `inspect` or `verify` to look at a refused token).
 * @param {string} token
 * @param {JwtlensKey | string} key
 * @param {{ now?: number | Date | false, policy?: import("./index.d.ts").Policy }} [options]
 */
export function verifyFast(token, key, options = {}) {
  requireReady();
  const [input, k, now, policy] = verifyArguments(token, key, options);
  // status NUL header NUL payload NUL message (see verify_fast_json).
  return fastResult(callCore(() => verifyFastJson(input, handles.get(k), now, policy)));
}

function fastResult(out) {
  const a = out.indexOf("\0");
  const b = out.indexOf("\0", a + 1);
  const c = out.indexOf("\0", b + 1);
  const status = out.slice(0, a);
  return {
    valid: status === "valid",
    status,
    message: out.slice(c + 1),
    header: JSON.parse(out.slice(a + 1, b)),
    payload: JSON.parse(out.slice(b + 1, c)),
  };
}

const VERIFIER_OPTIONS = ["key", "policy"];
const CALL_OPTIONS = ["now"];

// Where a name that is not a verifier call's option goes.
function verifierCallHint(name) {
  if (name === "key" || name === "policy") return "createVerifier({ key, policy }), when the verifier is made";
  const right = misplaced(name);
  if (right === undefined || right === "options.now") return right;
  return `${right} when the verifier is made (createVerifier)`;
}

/**
 * A verifier made once and called for every token, as a server keeps one:
 * the key and the policy are read and checked here, not on every call.
 * `verifier(token, { now })` returns what `verifyFast` returns,
 * `{ valid, status, message, header, payload }`, judged against the platform
 * clock unless `now` is given (`now: false` skips the time checks).
 * @param {{ key: JwtlensKey | string, policy?: import("./index.d.ts").Policy }} options
 * @returns {(token: string, options?: { now?: number | Date | false }) => import("./index.d.ts").FastVerdict}
 */
export function createVerifier(options) {
  requireReady();
  const o = knownOptions(options, VERIFIER_OPTIONS, "createVerifier", misplaced);
  if (!Object.hasOwn(o, "key")) throw argumentError("options.key is required: a JwtlensKey from importKey, or key text.", "undefined");
  const key = keyObject(own(o, "key"));
  const handle = callCore(() => new VerifierHandle(handles.get(key), policyArgument(own(o, "policy"))));
  const arith = arithmetics.get(key);
  const callArguments = (token, callOptions) => [
    tokenArgument(token),
    verifyNowArgument(own(knownOptions(callOptions, CALL_OPTIONS, "a verifier", verifierCallHint), "now")),
  ];
  function verifier(token, callOptions) {
    const [input, now] = callArguments(token, callOptions);
    return fastResult(callCore(() => handle.verifyJson(input, now)));
  }
  // The same, with WebCrypto where the platform has no synchronous crypto (see verifyAsync).
  verifier.verifyAsync = async function verifyAsync(token, callOptions) {
    const [input, now] = callArguments(token, callOptions);
    return arith.run(() => fastResult(callCore(() => handle.verifyJson(input, now))));
  };
  return Object.freeze(verifier);
}

function bytesArgument(value, name) {
  if (typeof value === "string") return new TextEncoder().encode(value);
  if (value instanceof Uint8Array) return value;
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  throw argumentError(`${name} must be a Uint8Array (or a string, taken as UTF-8).`, describe(value));
}

/**
 * The raw signature check a token's verification ends with, over any bytes:
 * for detached payloads and conformance data. The same checks as `verify`
 * (key fits the algorithm, sizes, lengths, ranges), for one key.
 * @param {string} alg e.g. "ES256"
 * @param {JwtlensKey | string} key one key
 * @param {Uint8Array | string} data the signed bytes (a string is taken as UTF-8)
 * @param {Uint8Array} signature the raw signature (ECDSA as r‖s)
 * @returns {{ valid: boolean, error: { code: string } | null, message: string }}
 */
export function verifySignature(alg, key, data, signature) {
  requireReady();
  if (typeof alg !== "string") throw argumentError("alg must be a string such as \"ES256\".", describe(alg));
  return callVerify(verifySignatureJson, [alg, keyArgument(key), bytesArgument(data, "data"), bytesArgument(signature, "signature")]);
}

/**
 * `verifySignature` with WebCrypto where needed (see `verifyAsync`).
 * @returns {Promise<{ valid: boolean, error: { code: string } | null, message: string }>}
 */
export async function verifySignatureAsync(alg, key, data, signature) {
  requireReady();
  if (typeof alg !== "string") throw argumentError("alg must be a string such as \"ES256\".", describe(alg));
  const [d, s] = [bytesArgument(data, "data"), bytesArgument(signature, "signature")];
  return withWebCrypto(keyObject(key), (raw) => callVerify(verifySignatureJson, [alg, raw, d, s]));
}

const SD_JWT_OPTIONS = ["now", "policy", "keyBinding"];

/**
 * Verify an SD-JWT or SD-JWT+KB (RFC 9901): the issuer's signature with `key` under
 * `options.policy` (the same checks as `verify`), the disclosures (§7.1), and the Key
 * Binding JWT (§7.3) as `options.keyBinding` asks ({ required, nonce, audience, maxAge }).
 * Returns the core's report; `status` is "valid" only when every step passed.
 * Times are judged against the platform clock unless `now` is given.
 * @param {string} text
 * @param {JwtlensKey | string} key the issuer's key (or JWK Set)
 * @param {{ now?: number | Date, policy?: import("./index.d.ts").Policy, keyBinding?: import("./index.d.ts").KeyBindingOptions }} [options]
 */
export function verifySdJwt(text, key, options = {}) {
  requireReady();
  const [input, now, policy, kbJson] = sdJwtArguments(text, options, "verifySdJwt");
  const raw = keyArgument(key);
  return JSON.parse(callCore(() => verifySdJwtJson(input, raw, now, policy, kbJson)));
}

/**
 * `verifySdJwt` with WebCrypto where needed (see `verifyAsync`); the holder's
 * cnf key too.
 * @returns {Promise<import("./index.d.ts").SdJwtReport>}
 */
export async function verifySdJwtAsync(text, key, options = {}) {
  requireReady();
  const [input, now, policy, kbJson] = sdJwtArguments(text, options, "verifySdJwtAsync");
  return withWebCrypto(keyObject(key), (raw) => JSON.parse(callCore(() => verifySdJwtJson(input, raw, now, policy, kbJson))));
}

function sdJwtArguments(text, options, what) {
  const o = knownOptions(options, SD_JWT_OPTIONS, what, misplaced);
  const now = own(o, "now");
  if (now === false) throw argumentError(`${what} always judges times: give options.now or leave it out for the platform clock.`, "false");
  const kb = own(o, "keyBinding");
  if (kb !== undefined && (kb === null || typeof kb !== "object" || Array.isArray(kb))) {
    throw argumentError("options.keyBinding must be an object.", describe(kb));
  }
  const kbJson = kb === undefined ? "" : jsonArgument(kb, "options.keyBinding");
  return [tokenArgument(text), verifyNowArgument(now), policyArgument(own(o, "policy")), kbJson];
}

/**
 * Read an SD-JWT and put its disclosures in place **without verifying anything**:
 * `{ verified: false, form, disclosures, kbJwt, processed, error }`. Throws a
 * JwtlensError (code "format", "disclosure", …) when the text is not an SD-JWT.
 * @param {string} text
 */
export function decodeSdJwt(text) {
  requireReady();
  return JSON.parse(callCore(() => decodeSdJwtJson(tokenArgument(text))));
}

/** The version of the jwtlens core inside this package. */
export function version() {
  requireReady();
  return coreVersion();
}
