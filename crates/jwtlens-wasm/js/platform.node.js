// Node.js's OpenSSL as the core's signature arithmetic (see `Backend` in
// crates/jwtlens/src/verify.rs). The core has already chosen the key, checked
// it against the algorithm, the key size, the signature's length and ranges;
// this file only runs the final `crypto.verify` on a cached KeyObject.
import { constants, createPublicKey, verify } from "node:crypto";

const PSS = constants.RSA_PKCS1_PSS_PADDING;
// By algorithm name; HMAC stays in the core (absent). PS* fixes the salt at
// the hash size (RFC 7518 §3.5).
const PARAMETERS = {
  RS256: ["sha256", {}],
  RS384: ["sha384", {}],
  RS512: ["sha512", {}],
  PS256: ["sha256", { padding: PSS, saltLength: 32 }],
  PS384: ["sha384", { padding: PSS, saltLength: 48 }],
  PS512: ["sha512", { padding: PSS, saltLength: 64 }],
  ES256: ["sha256", { dsaEncoding: "ieee-p1363" }],
  ES384: ["sha384", { dsaEncoding: "ieee-p1363" }],
  ES512: ["sha512", { dsaEncoding: "ieee-p1363" }],
  ES256K: ["sha256", { dsaEncoding: "ieee-p1363" }],
  EdDSA: [null, {}],
};

// The callback's key index for a key the token brought (an SD-JWT's cnf.jwk), given as `jwk`.
const FOREIGN = 4294967295;

/**
 * The callback for one imported key set: `(keyIndex, algIndex, data, sig, jwk) => 1 | 0 | -1`.
 * Keys Node cannot import (it returns -1 for them) are left unchecked (js/arithmetic.js).
 * @param {{ jwk?: object }[]} keys the key summaries, in key-set order
 * @param {string[]} algorithms the core's algorithm names, in the order of `algIndex`
 */
export function nodePlatform(keys, algorithms) {
  const ALGORITHMS = algorithms.map((name) => PARAMETERS[name] ?? null);
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
          o = [params[0], { key: createPublicKey({ key: jwk, format: "jwk" }), ...params[1] }];
        } catch {
          // A key Node cannot import (an unusual curve, say): not checked here.
        }
      }
      options.set(slot, o);
    }
    if (o === null) return -1;
    return verify(o[0], data, o[1], sig) ? 1 : 0;
  };
}
