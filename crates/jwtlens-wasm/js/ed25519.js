// Ed25519 checks for keys that verify often, in Node (not Bun, whose BoringSSL
// is faster than the table there): after a key has verified TABLE_AFTER EdDSA
// signatures, the platform callback (platform.node.js) builds the key's table
// in a wasm of its own (crates/jwtlens-wasm-ed25519: 30 KB and about 2 ms,
// once) and checks that key's signatures there: 75 µs each against OpenSSL's
// 105 µs (README, "Verify, npm"). Not part of the public API.
//
// The core has made every decision before it asks (the key, the algorithm,
// the signature's length, S below L, R and the key not of small order); the
// module repeats the signature's checks and does the arithmetic. A module
// that cannot be read, or that throws, is not used again: OpenSSL answers.
import { initSync, Ed25519Table } from "./jwtlens_ed25519.js";
import { base64urlBytes, sideModule } from "./side.js";

const side = sideModule(initSync);

/**
 * Where the Ed25519 wasm is, set once by platform.node.js (Node only).
 * @param {{ sync: () => BufferSource | WebAssembly.Module }} where
 */
export const setEd25519Source = side.setSource;

/**
 * Uses of a key after which its table is built, as the core's own keys do
 * (`comb::TABLE_AFTER`): the table costs about as much as 65 checks save.
 */
export const TABLE_AFTER = 64;

let built = 0;
let answered = 0;

/** How many tables this process has built (for the tests). */
export function tablesBuilt() {
  return built;
}

/** How many checks the tables have answered (for the tests). */
export function tableAnswers() {
  return answered;
}

/**
 * A checker for the public JWK `jwk` (RFC 8037 §2: kty "OKP", crv "Ed25519"):
 * `(data, sig) => 1 | 0 | -1` (-1: not checked here), or null when there is
 * no module or the key is not one.
 */
export function ed25519Checker(jwk) {
  if (jwk === null || typeof jwk !== "object" || jwk.kty !== "OKP" || jwk.crv !== "Ed25519" || !side.now()) return null;
  const x = base64urlBytes(jwk.x);
  if (x === null || x.length !== 32) return null;
  let table;
  try {
    table = Ed25519Table.forKey(x);
  } catch {
    side.fail();
    return null;
  }
  if (table === undefined) return null;
  built += 1;
  return (data, sig) => {
    try {
      const r = side.now() ? table.verify(data, sig) : -1;
      if (r !== -1) answered += 1;
      return r;
    } catch {
      side.fail();
      return -1;
    }
  };
}
