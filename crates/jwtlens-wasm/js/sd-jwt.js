// The npm face of jwtlens's SD-JWT verification (`jwtlens/sd-jwt`, RFC 9901):
// its own wasm, loaded only when imported, so verifying a JWT does not carry
// disclosure processing. Every decision is the core's (crates/jwtlens/src/sdjwt).
import {
  verifySdJwtJson,
  decodeSdJwtJson,
  importKey as importKeyRaw,
  algorithmFacts,
  optionPlace,
  version as coreVersion,
} from "./jwtlens_sd_jwt.js";
import { JwtlensError, argumentError, callCore, describe, jsonArgument } from "./common.js";
import { JwtlensKey, keyFunctions } from "./key.js";
import { knownOptions, own, placement, policyArgument, tokenArgument, verifyNowArgument } from "./options.js";
import { requireLoaded } from "./platform.js";

export { JwtlensError, JwtlensKey };

const requireReady = () => requireLoaded("sd-jwt", (d) => new JwtlensError(d), "jwtlens/sd-jwt/init");

const keys = keyFunctions("sd-jwt", importKeyRaw, algorithmFacts, requireReady);
const misplaced = placement(optionPlace);

/**
 * Import the issuer's key here, as `importKey` of `jwtlens` does (see key.js); a
 * JwtlensKey from either is accepted by both.
 * @type {(text: string, options?: { format?: "auto"|"jwk"|"pem"|"secret", encoding?: "utf8"|"base64"|"base64url"|"hex", arithmetic?: "platform"|"webcrypto" }) => JwtlensKey}
 */
export const importKey = keys.importKey;

const SD_JWT_OPTIONS = ["now", "policy", "keyBinding"];

/**
 * Verify an SD-JWT or SD-JWT+KB (RFC 9901): the issuer's signature with `key` under
 * `options.policy` (the same checks as `verify`), the disclosures (§7.1), and the Key
 * Binding JWT (§7.3) as `options.keyBinding` asks ({ required, nonce, audience, maxAge }).
 * Returns the core's report; `status` is "valid" only when every step passed.
 * Times are judged against the platform clock unless `now` is given.
 * @param {string} text
 * @param {JwtlensKey | string} key the issuer's key (or JWK Set), from importKey of `jwtlens` or of `jwtlens/sd-jwt`
 * @param {{ now?: number | Date, policy?: import("./index.d.ts").Policy, keyBinding?: import("./sd-jwt.d.ts").KeyBindingOptions }} [options]
 */
export function verifySdJwt(text, key, options = {}) {
  requireReady();
  const [input, now, policy, kbJson] = sdJwtArguments(text, options, "verifySdJwt");
  const raw = keys.handle(key).raw;
  return JSON.parse(callCore(() => verifySdJwtJson(input, raw, now, policy, kbJson)));
}

/**
 * `verifySdJwt` with RSA, ECDSA and EdDSA checked by the platform's WebCrypto
 * where there is no synchronous platform crypto (browsers, Deno, Workers), the
 * holder's cnf key too; in Node and Bun it resolves to what `verifySdJwt` returns.
 * @returns {Promise<import("./sd-jwt.d.ts").SdJwtReport>}
 */
export async function verifySdJwtAsync(text, key, options = {}) {
  requireReady();
  const [input, now, policy, kbJson] = sdJwtArguments(text, options, "verifySdJwtAsync");
  return keys.handle(key).run((raw) => JSON.parse(callCore(() => verifySdJwtJson(input, raw, now, policy, kbJson))));
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

/** The version of the jwtlens core inside this module. */
export function version() {
  requireReady();
  return coreVersion();
}
