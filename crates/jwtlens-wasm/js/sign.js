// The npm face of jwtlens's signing and key generation (`jwtlens/sign`): its
// own wasm, loaded only when imported, so verifying a token does not carry
// private-key parsing and key generation. Every decision is the core's.
import {
  generateKeyJson,
  signToken,
  issueSdJwt as issueSdJwtRaw,
  presentSdJwt as presentSdJwtRaw,
  decryptJwe as decryptJweRaw,
  encryptJwe as encryptJweRaw,
  version as coreVersion,
} from "./jwtlens_sign.js";
import { JwtlensError, argumentError, callCore, describe, jsonArgument, nowArgument } from "./common.js";
import { requireLoaded } from "./platform.js";

export { JwtlensError };

const requireReady = () => requireLoaded("sign", (d) => new JwtlensError(d), "jwtlens/sign/init");

/**
 * Generate a key for `alg` with the platform's cryptographic random source.
 * @param {string} alg
 * @returns {{ alg: string, privateJwk: object, publicJwk: object, thumbprint: string }}
 */
export function generateKey(alg) {
  requireReady();
  if (typeof alg !== "string") throw argumentError("alg must be a string such as \"ES256\".", describe(alg));
  return JSON.parse(callCore(() => generateKeyJson(alg)));
}

/**
 * Sign `claims` with `key` and return the compact token. The algorithm is
 * `header.alg`; other header members are kept in order.
 * @param {object} header e.g. { alg: "ES256", typ: "JWT", kid: "k1" }
 * @param {object} claims
 * @param {string | object} key a private PEM, a private JWK (object or text), or an HMAC secret as text
 */
export function sign(header, claims, key) {
  requireReady();
  for (const [name, value] of [["header", header], ["claims", claims]]) {
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      throw argumentError(`${name} must be an object.`, describe(value));
    }
  }
  if (typeof header.alg !== "string") throw argumentError("header.alg must name the algorithm, e.g. \"HS256\".", describe(header.alg));
  const keyText = typeof key === "string" ? key : key !== null && typeof key === "object" ? jsonArgument(key, "key") : undefined;
  if (keyText === undefined) throw argumentError("key must be a PEM, a JWK or a secret string.", describe(key));
  return callCore(() => signToken(header.alg, jsonArgument(header, "header"), jsonArgument(claims, "claims"), keyText));
}

function keyText(key) {
  const text = typeof key === "string" ? key : key !== null && typeof key === "object" ? jsonArgument(key, "key") : undefined;
  if (text === undefined) throw argumentError("key must be a PEM, a JWK or a secret string.", describe(key));
  return text;
}

/**
 * Issue an SD-JWT (RFC 9901): `claims` signed with `key` for `alg`, the claims named in
 * `options.disclosable` made selectively disclosable (128-bit salts), `options.decoys`
 * decoy digests, and `options.holderJwk` (a public JWK) as `cnf` for key binding.
 * @returns {{ sdJwt: string, disclosures: object[] }}
 */
export function issueSdJwt(alg, claims, options, key) {
  requireReady();
  if (typeof alg !== "string") throw argumentError("alg must be a string such as \"ES256\".", describe(alg));
  if (claims === null || typeof claims !== "object" || Array.isArray(claims)) throw argumentError("claims must be an object.", describe(claims));
  if (options === null || typeof options !== "object" || Array.isArray(options)) throw argumentError("options must be an object.", describe(options));
  return JSON.parse(callCore(() => issueSdJwtRaw(alg, jsonArgument(claims, "claims"), jsonArgument(options, "options"), keyText(key))));
}

/**
 * The holder's presentation: the issued SD-JWT with only the disclosures of the claims in
 * `keep`, and a Key Binding JWT when `options.keyBinding` ({ key, alg, nonce, audience, now? }) is given.
 * @param {string} issued
 * @param {string[]} keep
 * @param {{ keyBinding?: { key: string | object, alg: string, nonce: string, audience: string, now?: number | Date } }} [options]
 */
export function presentSdJwt(issued, keep, options = {}) {
  requireReady();
  if (typeof issued !== "string") throw argumentError("issued must be the SD-JWT string.", describe(issued));
  if (!Array.isArray(keep) || !keep.every((k) => typeof k === "string")) throw argumentError("keep must be a list of claim names.", describe(keep));
  const kb = options?.keyBinding;
  let bind = "";
  if (kb !== undefined) {
    if (kb === null || typeof kb !== "object") throw argumentError("options.keyBinding must be an object.", describe(kb));
    const iat = Object.hasOwn(kb, "now") ? nowArgument(kb.now) : Date.now() / 1000;
    bind = JSON.stringify({ key: keyText(kb.key), alg: kb.alg, nonce: kb.nonce, audience: kb.audience, iat });
  }
  return callCore(() => presentSdJwtRaw(issued, JSON.stringify(keep), bind));
}

/**
 * Decrypt a JWE (RFC 7516; compact or JSON) with a private JWK (object or text) or, as
 * `{ password }`, a PBES2 password. Returns `{ header, alg, enc, steps, findings, nested,
 * plaintext, plaintextBase64url }` (`plaintext` null when not UTF-8). Any failure of the
 * cryptography is one JwtlensError with code "decryption", whatever the cause.
 * @param {string} text
 * @param {string | object | { password: string }} key
 */
export function decrypt(text, key) {
  requireReady();
  if (typeof text !== "string") throw argumentError("text must be the JWE string.", describe(text));
  const password = key !== null && typeof key === "object" && Object.hasOwn(key, "password") && Object.keys(key).length === 1;
  if (password && typeof key.password !== "string") throw argumentError("key.password must be a string.", describe(key.password));
  return JSON.parse(callCore(() => decryptJweRaw(text, password ? key.password : keyText(key), password)));
}

const ENCRYPT_OPTIONS = ["alg", "enc", "zip", "cty", "kid", "p2c"];

/**
 * Encrypt `plaintext` (a string, taken as UTF-8, or bytes) into a compact JWE (RFC 7516)
 * for a JWK (object or text: `oct` for dir/A*KW/A*GCMKW, an RSA, EC P-256/384/521 or
 * X25519 public key) or, as `{ password }`, a PBES2 password. `options`: `{ alg, enc,
 * zip?: boolean, cty?, kid?, p2c? }`; randomness from the platform's CSPRNG.
 * @param {string | Uint8Array} plaintext
 * @param {string | object | { password: string }} key
 * @param {{ alg: string, enc: string, zip?: boolean, cty?: string, kid?: string, p2c?: number }} options
 */
export function encrypt(plaintext, key, options) {
  requireReady();
  let bytes;
  if (typeof plaintext === "string") bytes = new TextEncoder().encode(plaintext);
  else if (plaintext instanceof Uint8Array) bytes = plaintext;
  else throw argumentError("plaintext must be a string or a Uint8Array.", describe(plaintext));
  if (options === null || typeof options !== "object" || Array.isArray(options)) {
    throw argumentError("options must be an object such as { alg: \"ECDH-ES+A256KW\", enc: \"A256GCM\" }.", describe(options));
  }
  for (const name of Object.keys(options)) {
    if (!ENCRYPT_OPTIONS.includes(name)) throw argumentError(`options.${name} is not an option of encrypt (the options are ${ENCRYPT_OPTIONS.join(", ")}).`, name);
  }
  const password = key !== null && typeof key === "object" && Object.hasOwn(key, "password") && Object.keys(key).length === 1;
  if (password && typeof key.password !== "string") throw argumentError("key.password must be a string.", describe(key.password));
  const optionsJson = jsonArgument(options, "options");
  return callCore(() => encryptJweRaw(bytes, optionsJson, password ? key.password : keyText(key), password));
}

/** The version of the jwtlens core inside this module. */
export function version() {
  requireReady();
  return coreVersion();
}
