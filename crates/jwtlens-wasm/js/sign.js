// The npm face of jwtlens's signing and key generation (`jwtlens/sign`): its
// own wasm, loaded only when imported, so verifying a token does not carry
// private-key parsing and key generation. Every decision is the core's.
import { generateKeyJson, signToken, version as coreVersion } from "./jwtlens_sign.js";
import { JwtlensError, argumentError, callCore, describe, jsonArgument } from "./common.js";
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

/** The version of the jwtlens core inside this module. */
export function version() {
  requireReady();
  return coreVersion();
}
