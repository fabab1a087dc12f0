// The npm face of jwtlens: convert arguments, call the core, convert back.
// Every decision is the core's (crates/jwtlens); this file only moves data.
import { core, explainWith } from "./backend.js";
import { requireLoaded } from "./platform.js";
import { JwtlensError, argumentError, callCore, describe, nowArgument } from "./common.js";
import { JwtlensKey, keyFunctions } from "./key.js";
import { writeInput } from "./input.js";
import { knownOptions, own, placement, policyArgument, tokenArgument, verifyNowArgument } from "./options.js";

export { JwtlensError, JwtlensKey };

// With `jwtlens/init`, the API is usable once init() or initSync() has run.
function requireReady() {
  requireLoaded("jwt", (d) => new JwtlensError(d), "jwtlens/init");
}

// The wasm exports are the entry's (backend.js), looked up when called.
const misplaced = placement((name) => core.optionPlace(name));
const keys = keyFunctions(
  "jwt",
  (text, format, encoding) => core.importKey(text, format, encoding),
  () => core.algorithmFacts(),
  requireReady,
);

// inspect and verify: in the servers' entries, a second wasm (backend.js).
const explaining = () => explainWith(keys, requireReady);

const VERIFY_OPTIONS = ["now", "policy"];

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
  const { glue } = explaining();
  return JSON.parse(callCore(() => glue.inspectJson(input, now)));
}

/**
 * Decode a JWS into `{ header, payload, signature }` (signature as base64url),
 * without verifying it. Throws a `JwtlensError` at the first problem.
 * @param {string} token
 */
export function decode(token) {
  requireReady();
  // "+" header NUL payload NUL signature, or "!" and the diagnostic as JSON (see decode_input).
  const input = tokenArgument(token);
  const out = callCore(() => core.decodeInput(writeInput(core, input)));
  if (out[0] !== "+") throw new JwtlensError(JSON.parse(out.slice(1)));
  const a = out.indexOf("\0");
  const b = out.indexOf("\0", a + 1);
  return { header: JSON.parse(out.slice(1, a)), payload: JSON.parse(out.slice(a + 1, b)), signature: out.slice(b + 1) };
}

/**
 * Import a verification key: PEM (public key, PKCS#1, certificate), JWK, JWK Set,
 * the base64 of a DER key, or an HMAC secret (see key.js). A JwtlensKey works in
 * `jwtlens/sd-jwt` too.
 * @type {(text: string, options?: { format?: "auto"|"jwk"|"pem"|"secret", encoding?: "utf8"|"base64"|"base64url"|"hex", arithmetic?: "platform"|"webcrypto" }) => JwtlensKey}
 */
export const importKey = keys.importKey;

// [token, key handle ({ raw, arith, run }: see key.js) in `module`'s wasm, now, policy JSON].
function verifyArguments(token, key, options, module = keys) {
  const o = verifyOptions(options);
  return [tokenArgument(token), module.handle(key), verifyNowArgument(o.now), policyArgument(o.policy)];
}

// Run a wasm export; a message it throws (a string) becomes a JwtlensError.
function callVerify(fn, args) {
  return JSON.parse(callCore(() => fn(...args)));
}

/**
 * Inspect a token and verify its signature with `key` (a JwtlensKey, or text imported with format "auto").
 * The Report's `verification.status` is "verified", "invalid", "no_key", "no_usable_key", "unsecured", "unverifiable" or "unchecked" (a WebCrypto key in a synchronous call).
 * Times are judged against the platform clock unless `now` is given; `now: false`
 * skips the time checks (and the report says so).
 * @param {string} token
 * @param {JwtlensKey | string} key
 * @param {{ now?: number | Date | false, policy?: import("./index.d.ts").Policy }} [options]
 */
export function verify(token, key, options = {}) {
  requireReady();
  const e = explaining();
  const [input, k, now, policy] = verifyArguments(token, key, options, e.keys);
  return callVerify(e.glue.verifyJson, [input, k.raw, now, policy]);
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
  const e = explaining();
  const [input, k, now, policy] = verifyArguments(token, key, options, e.keys);
  return k.run((raw) => callVerify(e.glue.verifyJson, [input, raw, now, policy]));
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
  return k.run((raw) => verifyFastWith(input, raw, now, policy));
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
  return verifyFastWith(input, k.raw, now, policy);
}

// status NUL header NUL payload NUL message (see verify_fast_input); the token
// goes in last, right before the call that reads it (js/input.js).
function verifyFastWith(input, raw, now, policy) {
  return fastResult(callCore(() => core.verifyFastInput(writeInput(core, input), raw, now, policy)));
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
    header: headerObject(out.slice(a + 1, b)),
    payload: JSON.parse(out.slice(b + 1, c)),
  };
}

// The last flat header read: a server's tokens mostly share one header, and a
// header whose values are all strings, numbers, booleans or null (no "{" after
// the first character, no "[") is copied as JSON.parse would build it, own
// properties in order, not parsed again. The copy kept is private.
let lastHeaderText = null;
let lastHeader = null;

function headerObject(text) {
  if (text === lastHeaderText) return { ...lastHeader };
  const header = JSON.parse(text);
  if (typeof header === "object" && header !== null && !Array.isArray(header) && text.indexOf("{", 1) === -1 && text.indexOf("[") === -1) {
    // A copy of the text, not the slice: a slice would keep the whole verdict
    // (the token's claims) alive until the next header.
    lastHeaderText = (" " + text).slice(1);
    lastHeader = { ...header };
  }
  return header;
}

const VERIFIER_OPTIONS = ["key", "policy"];
const CALL_OPTIONS = ["now"];

// Where a name that is not createVerifier's option goes: the time is given to each call.
function verifierHint(name) {
  const right = misplaced(name);
  return right === "options.now" ? "verifier(token, { now }), on each call" : right;
}

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
  const o = knownOptions(options, VERIFIER_OPTIONS, "createVerifier", verifierHint);
  if (!Object.hasOwn(o, "key")) throw argumentError("options.key is required: a JwtlensKey from importKey, or key text.", "undefined");
  const key = keys.handle(own(o, "key"));
  const glue = core;
  const handle = callCore(() => new glue.VerifierHandle(key.raw, policyArgument(own(o, "policy"))));

  const callArguments = (token, callOptions) => [
    tokenArgument(token),
    verifyNowArgument(own(knownOptions(callOptions, CALL_OPTIONS, "a verifier", verifierCallHint), "now")),
  ];
  // The token goes in last, right before the call that reads it (js/input.js).
  const verify = (input, now) => handle.verifyInput(writeInput(glue, input), now);
  function verifier(token, callOptions) {
    const [input, now] = callArguments(token, callOptions);
    return fastResult(callCore(() => verify(input, now)));
  }
  // The same, with WebCrypto where the platform has no synchronous crypto (see verifyAsync).
  verifier.verifyAsync = async function verifyAsync(token, callOptions) {
    const [input, now] = callArguments(token, callOptions);
    return key.arith.run(() => fastResult(callCore(() => verify(input, now))));
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
  return callVerify(core.verifySignatureJson, [alg, keys.handle(key).raw, bytesArgument(data, "data"), bytesArgument(signature, "signature")]);
}

/**
 * `verifySignature` with WebCrypto where needed (see `verifyAsync`).
 * @returns {Promise<{ valid: boolean, error: { code: string } | null, message: string }>}
 */
export async function verifySignatureAsync(alg, key, data, signature) {
  requireReady();
  if (typeof alg !== "string") throw argumentError("alg must be a string such as \"ES256\".", describe(alg));
  const [d, s] = [bytesArgument(data, "data"), bytesArgument(signature, "signature")];
  return keys.handle(key).run((raw) => callVerify(core.verifySignatureJson, [alg, raw, d, s]));
}

/** The version of the jwtlens core inside this package. */
export function version() {
  requireReady();
  return core.version();
}
