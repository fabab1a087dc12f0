// The last arithmetic step of RSA, ECDSA and EdDSA checks, done by the
// platform; not part of the public API. The core (wasm) makes every decision
// — which key, the algorithm against the key, sizes, ROCA, signature lengths,
// ECDSA ranges, Ed25519's canonical S and small orders — and then calls back
// here (`PlatformVerify` in crates/jwtlens-wasm/src/lib.rs). The npm wasm has
// no public-key arithmetic of its own.
//
// Two platforms answer: Node's OpenSSL synchronously (platform.node.js), and
// WebCrypto, which is asynchronous everywhere. For WebCrypto a verification
// runs once recording what the core asks (every unknown answer "no"), then,
// after WebCrypto has answered each question, again with those answers — and
// again while a run asks something new (an SD-JWT's key binding is asked only
// once its issuer's signature has verified), at most MAX_ROUNDS times. The core
// is deterministic; a question without an answer is "not checked" (-1), never "valid".
//
// ES256K, which WebCrypto and Bun's BoringSSL lack, is answered by a wasm of its
// own (es256k.js): synchronously where OpenSSL declines it (Bun), and in the
// asynchronous runs for WebCrypto, as the other public-key algorithms are there.
import { es256k, es256kLater, es256kNow } from "./es256k.js";

// The callback's key index for a key the token brought (an SD-JWT's cnf.jwk,
// given as `jwk`): 2^32 - 1, which no key set reaches (jwtlens-wasm-key's
// KeyRef::Foreign on the wire).
export const FOREIGN = 4294967295;
// Runs of one verification: the issuer's signatures, then the key binding, then one to answer.
const MAX_ROUNDS = 4;

// Only the public parameters: a JWK's alg, use or key_ops would make
// WebCrypto refuse an import the core has already judged.
function publicJwk(jwk) {
  if (jwk === null || typeof jwk !== "object") return null;
  const { kty, crv, n, e, x, y } = jwk;
  if (kty === "RSA") return { kty, n, e };
  if (kty === "EC") return { kty, crv, x, y };
  if (kty === "OKP") return { kty, crv, x };
  return null;
}

function sameBytes(a, b) {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * One key set's platform arithmetic: `callback` is what the wasm key handle
 * calls; `run(fn)` runs `fn` (a synchronous call into the core) with WebCrypto's answers.
 */
export class Arithmetic {
  #keys;
  #algorithms;
  #sync;
  #pass = null;
  #cryptoKeys = new Map();

  /**
   * @param {{ jwk?: object }[]} keys the key summaries, in key-set order
   * @param {{ name: string, family: string, hashBits: number | null, curve: string | null, webCrypto: [object, object] | null }[]} algorithms
   *   the core's facts of each algorithm, in the order of `algIndex`
   * @param {Function | null} sync a synchronous platform (Node's OpenSSL), or null
   */
  constructor(keys, algorithms, sync) {
    this.#keys = keys;
    this.#algorithms = algorithms;
    this.#sync = sync;
    this.callback = (index, alg, data, sig, jwk) => this.#answer(index, alg, data, sig, jwk);
    Object.freeze(this);
  }

  /** "platform" when a synchronous platform answers, else "webcrypto". */
  get kind() {
    return this.#sync === null ? "webcrypto" : "platform";
  }

  #answer(index, alg, data, sig, jwk) {
    if (this.#sync !== null) {
      const r = this.#sync(index, alg, data, sig, jwk);
      if (r !== -1) return r;
      if (this.#algorithms[alg]?.curve === "secp256k1") {
        const k = this.#es256k(es256kNow(), index, data, sig, jwk);
        if (k !== -1) return k;
      }
    }
    const pass = this.#pass;
    if (pass === null) return -1;
    const found = pass.answers.find(
      (r) => r.index === index && r.alg === alg && r.jwk === jwk && sameBytes(r.sig, sig) && sameBytes(r.data, data),
    );
    if (found !== undefined) return found.answer;
    if (pass.last) return -1;
    // The views into wasm memory last only for this call: copy.
    pass.requests.push({ index, alg, data: data.slice(), sig: sig.slice(), jwk });
    return 0;
  }

  #with(pass, fn) {
    this.#pass = pass;
    try {
      return fn();
    } finally {
      this.#pass = null;
    }
  }

  /**
   * `fn()`'s result with the public-key checks it needs done by WebCrypto
   * (or by the synchronous platform, when there is one: then `fn` runs once).
   * @template T
   * @param {() => T} fn
   * @returns {Promise<T>}
   */
  async run(fn) {
    const answers = [];
    for (let round = 1; ; round++) {
      // The last run answers what is still unknown with "not checked".
      const pass = { answers, requests: [], last: round === MAX_ROUNDS };
      const result = this.#with(pass, fn);
      if (pass.requests.length === 0) return result;
      const got = await Promise.all(pass.requests.map((r) => this.#webcrypto(r)));
      pass.requests.forEach((r, i) => answers.push({ ...r, answer: got[i] }));
    }
  }

  // The public JWK of key `index`: the key set's, or the one a token brought (`jwk`, JSON text).
  #publicJwk(index, jwk) {
    try {
      return publicJwk(index === FOREIGN ? JSON.parse(jwk) : this.#keys[index]?.jwk);
    } catch {
      return null;
    }
  }

  #es256k(verify, index, data, sig, jwk) {
    return verify === null ? -1 : es256k(verify, this.#publicJwk(index, jwk), data, sig);
  }

  async #webcrypto({ index, alg, data, sig, jwk }) {
    const facts = this.#algorithms[alg];
    if (facts === undefined) return -1;
    if (facts.curve === "secp256k1") return this.#es256k(await es256kLater(), index, data, sig, jwk);
    // The core's WebCrypto parameters: [importKey's, verify's], null where WebCrypto has none.
    const params = facts.webCrypto;
    const subtle = globalThis.crypto?.subtle;
    if (params === null || subtle === undefined) return -1;
    try {
      const key = await this.#cryptoKey(subtle, index, facts.name, jwk, params[0]);
      if (key === null) return -1;
      // Only a real `true` is a yes: a shim resolving to anything else is not.
      return (await subtle.verify(params[1], key, sig, data)) === true ? 1 : 0;
    } catch {
      return -1;
    }
  }

  // One CryptoKey per (key, algorithm), imported on first use; a foreign key every time.
  #cryptoKey(subtle, index, name, jwk, importParams) {
    const slot = `${index}:${name}`;
    const cached = index === FOREIGN ? undefined : this.#cryptoKeys.get(slot);
    if (cached !== undefined) return cached;
    const source = this.#publicJwk(index, jwk);
    let imported;
    try {
      imported =
        source === null
          ? Promise.resolve(null)
          : Promise.resolve(subtle.importKey("jwk", source, importParams, false, ["verify"])).catch(() => null);
    } catch {
      imported = Promise.resolve(null);
    }
    if (index !== FOREIGN) this.#cryptoKeys.set(slot, imported);
    return imported;
  }
}
