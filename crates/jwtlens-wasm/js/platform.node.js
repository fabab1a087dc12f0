// Node.js's OpenSSL as the core's signature arithmetic (see `Backend` in
// crates/jwtlens/src/verify.rs). The core has already chosen the key, checked
// it against the algorithm, the key size, the signature's length and ranges;
// this file only runs the final `crypto.verify` on a cached KeyObject, or,
// for an Ed25519 key that has verified TABLE_AFTER tokens, the check with the
// key's precomputed table (ed25519.js), which is faster than OpenSSL's.
import { constants, createPublicKey, verify } from "node:crypto";
import { readFileSync } from "node:fs";
import { FOREIGN } from "./arithmetic.js";
import { ed25519Checker, setEd25519Source, TABLE_AFTER } from "./ed25519.js";

// The tables only where they are faster: in Node (V8) a check takes 75 µs with a
// table against OpenSSL's 105 µs; in Bun (JavaScriptCore, 1.4.5) 88 µs against
// BoringSSL's 51, so Bun keeps BoringSSL (README, "Verify, npm").
if (!globalThis.process?.versions?.bun) {
  setEd25519Source({ sync: () => readFileSync(new URL("./jwtlens_ed25519_bg.wasm", import.meta.url)) });
}

/**
 * `crypto.verify`'s digest and options for one algorithm, from the core's facts
 * of it (`algorithmFacts`); null for HMAC (the core's own) and `none`.
 * PS*'s salt is the core's `saltBytes` (RFC 7518 §3.5); ES* signatures are R ‖ S.
 * @param {{ family: string, hashBits: number | null, saltBytes: number | null }} facts
 */
function parameters({ family, hashBits, saltBytes }) {
  const hash = hashBits === null ? null : `sha${hashBits}`;
  switch (family) {
    case "rsa_pkcs1":
      return [hash, {}];
    case "rsa_pss":
      // A salt length that is not the core's number would let OpenSSL pick one
      // (RSA_PSS_SALTLEN_AUTO, any salt): no parameters then, so no answer.
      if (!(Number.isInteger(saltBytes) && saltBytes === hashBits / 8)) return null;
      return [hash, { padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: saltBytes }];
    case "ecdsa":
      return [hash, { dsaEncoding: "ieee-p1363" }];
    case "ed_dsa":
      return [null, {}];
    default:
      return null;
  }
}

/**
 * The callback for one imported key set: `(keyIndex, algIndex, data, sig, jwk) => 1 | 0 | -1`.
 * Keys Node cannot import (it returns -1 for them) are left unchecked (js/arithmetic.js).
 * @param {{ jwk?: object }[]} keys the key summaries, in key-set order
 * @param {{ name: string, family: string, hashBits: number | null, curve: string | null, saltBytes: number | null }[]} algorithms
 *   the core's facts of each algorithm, in the order of `algIndex`
 */
export function nodePlatform(keys, algorithms) {
  const ALGORITHMS = algorithms.map(parameters);
  // One options object per (key, algorithm), made on first use.
  const options = new Map();
  return (index, alg, data, sig, jwk) => {
    if (index === FOREIGN) {
      const params = ALGORITHMS[alg];
      if (!params) return -1;
      try {
        const key = createPublicKey({ key: JSON.parse(jwk), format: "jwk" });
        return verify(params[0], data, { key, ...params[1] }, sig) ? 1 : 0;
      } catch {
        return -1;
      }
    }
    const slot = index * ALGORITHMS.length + alg;
    let o = options.get(slot);
    if (o === undefined) {
      o = null;
      const params = ALGORITHMS[alg];
      const jwk = keys[index]?.jwk;
      if (params && jwk) {
        try {
          const key = createPublicKey({ key: jwk, format: "jwk" });
          o = { hash: params[0], options: { key, ...params[1] }, jwk: algorithms[alg].family === "ed_dsa" ? jwk : null, uses: 0, table: null };
        } catch {
          // A key Node cannot import (an unusual curve, say): not checked here.
        }
      }
      options.set(slot, o);
    }
    if (o === null) return -1;
    if (o.table !== null) {
      const r = o.table(data, sig);
      if (r !== -1) return r;
    }
    const valid = verify(o.hash, data, o.options, sig);
    // EdDSA: a key that has verified TABLE_AFTER signatures gets its table (null:
    // no module, or not Ed25519). Only valid signatures count, so forged tokens
    // cannot make a server build tables for its keys.
    if (valid && o.jwk !== null && o.table === null && ++o.uses === TABLE_AFTER) o.table = ed25519Checker(o.jwk);
    return valid ? 1 : 0;
  };
}
