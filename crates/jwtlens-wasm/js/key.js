// The JwtlensKey every verifying module shares (`jwtlens` and
// `jwtlens/sd-jwt`). Not part of the public API beyond the class.
//
// Each module is its own wasm with its own memory, so a key holds one wasm
// handle per module: made by the importKey that was called, in every other
// verifying module already loaded, and in a module loaded later on the key's
// first use there, from the same text and options (the same core code reads
// it the same way). The text is kept, in this module's private records, only
// until every verifying module has its handle.
import { platformFactory, loaded } from "./platform.js";
import { Arithmetic } from "./arithmetic.js";
import { argumentError, coreError, describe } from "./common.js";
import { knownOptions, own } from "./options.js";

// The modules that verify with keys: their names in platform.js's `loaded`
// ("jwt-explain" too where an entry splits the JWT module in two: backend.js).
const VERIFYING = ["jwt", "sd-jwt"];

/** Keep a key's text until `module` has its handle too (see forgetText). */
export function expectVerifyingModule(module) {
  if (!VERIFYING.includes(module)) VERIFYING.push(module);
}
// Each verifying module's `attach`, registered by keyFunctions.
const attachers = new Map();
// JwtlensKey → { text, format, encoding, arithmetic, platform, handles: Map<module, handle> }:
// out of reach of the caller, so no code outside can free a handle, swap it,
// or give it another platform callback.
const records = new WeakMap();
// Only importKey may construct a JwtlensKey.
const constructing = Symbol("jwtlens importKey");

// Drop the key text once no verifying module can still need it.
function forgetText(record) {
  if (VERIFYING.every((m) => record.handles.has(m))) record.text = undefined;
}

/**
 * A key (or JWK Set) imported once, to verify many tokens with.
 * `detected` says what the text was; `keys` describes each key; `skipped`
 * lists JWK Set entries that could not be imported, with why.
 */
export class JwtlensKey {
  constructor(token, summary, record) {
    if (token !== constructing) {
      throw argumentError("A JwtlensKey is made by importKey(text, options), not by its constructor.", describe(token));
    }
    records.set(this, record);
    const frozen = deepFreeze(JSON.parse(summary));
    this.detected = frozen.detected;
    this.keys = frozen.keys;
    this.skipped = frozen.skipped;
    // Who does the last step of RSA/ECDSA/EdDSA checks (the wasm has no such
    // arithmetic): "platform" (Node's OpenSSL, synchronous) or "webcrypto"
    // (asynchronous: the *Async functions), in every module the key is used in.
    this.arithmetic = record.arithmetic;
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

// The key formats and secret encodings are the core's words (key::KeyInput::from_words,
// SecretEncoding's FromStr): an unknown one is refused there, with the known ones listed.
const ARITHMETIC = ["platform", "webcrypto"];
const IMPORT_OPTIONS = ["format", "encoding", "arithmetic"];

/**
 * The key functions of one module, given its wasm's `importKey` and
 * `algorithmFacts` exports and its readiness check: `importKey(text, options)`,
 * and `handle(key)` for a JwtlensKey or key text (imported with format "auto"):
 * `{ raw, arith, run(fn) }`, the wasm handle, its platform arithmetic, and
 * `fn(raw)` run with WebCrypto's answers where no synchronous platform gives them.
 * @param {"jwt" | "jwt-explain" | "sd-jwt"} module
 */
export function keyFunctions(module, importKeyRaw, algorithmFactsRaw, requireReady) {
  // The core's algorithms in the order its platform callback numbers them (read
  // on first use: the module is evaluated before its wasm is instantiated).
  let algorithms;
  const facts = () =>
    (algorithms ??= JSON.parse(algorithmFactsRaw()).map((f) => ({
      ...f,
      webCrypto: f.webCrypto === null ? null : f.webCrypto.map((params) => JSON.parse(params)),
    })));

  // The key in this module's wasm, with its platform arithmetic. The platform
  // gets its own copy of the keys, fixed here: nothing done later to a
  // JwtlensKey (whose `keys` are frozen anyway) can change which key it checks.
  function attach(record) {
    if (record.text === undefined) throw new Error(`jwtlens: no ${module} handle and no key text (a bug)`);
    let raw;
    try {
      raw = importKeyRaw(record.text, record.format, record.encoding);
    } catch (e) {
      throw coreError(e, "key");
    }
    const summary = raw.summaryJson();
    const keys = JSON.parse(summary).keys;
    const sync = record.platform === null ? null : record.platform(keys, facts());
    const arith = new Arithmetic(keys, facts(), sync);
    raw.setPlatform(arith.callback);
    const handle = { raw, arith, run: (fn) => arith.run(() => fn(raw)) };
    record.handles.set(module, handle);
    forgetText(record);
    return [handle, summary];
  }
  attachers.set(module, attach);

  /**
   * Import a verification key: PEM (public key, PKCS#1, certificate), JWK, JWK Set,
   * the base64 of a DER key, or an HMAC secret. With format "auto", pasted wrappers
   * (a BOM, CRLF, quotes, \n escapes, an openssl preamble) are removed, and text
   * that looks like key material is that key or an error, never a secret; only text
   * with no sign of key material is taken as a UTF-8 secret. Say { format: "secret" }
   * to be explicit. A secret that is a public key's text never verifies (key confusion).
   * @param {string} text
   * @param {{ format?: "auto"|"jwk"|"pem"|"secret", encoding?: "utf8"|"base64"|"base64url"|"hex", arithmetic?: "platform"|"webcrypto" }} [options]
   */
  function importKey(text, options = {}) {
    return importInto(text, options, true);
  }

  // `everywhere`: also into every other loaded module, for a JwtlensKey the caller
  // keeps and may use there; key text given to one call is imported only here.
  function importInto(text, options, everywhere) {
    requireReady();
    if (typeof text !== "string") {
      throw argumentError(`The key must be a string, but a ${describe(text)} was given.`, describe(text));
    }
    knownOptions(options, IMPORT_OPTIONS, "importKey");
    const format = own(options, "format") ?? "auto";
    const encoding = own(options, "encoding") ?? "utf8";
    for (const [name, word] of [["format", format], ["encoding", encoding]]) {
      if (typeof word !== "string") throw argumentError(`options.${name} must be a string, but a ${describe(word)} was given.`, describe(word));
    }
    const requested = own(options, "arithmetic") ?? "platform";
    if (requested === "core") {
      throw argumentError(
        'options.arithmetic "core" is gone: the package\'s wasm has no public-key arithmetic of its own. Use "platform" (Node\'s OpenSSL) or "webcrypto" (with the *Async functions).',
        "core",
      );
    }
    if (!ARITHMETIC.includes(requested)) throw argumentError(`options.arithmetic must be one of ${ARITHMETIC.join(", ")}.`, String(requested));
    // Resolved once, here: "platform" only where an entry point installed one (Node,
    // Bun); every module uses this factory, or none.
    const platform = requested === "platform" ? platformFactory : null;
    const arithmetic = platform === null ? "webcrypto" : "platform";
    // An encoding implies a secret, so { encoding: "hex" } alone means a hex secret.
    const effective = own(options, "format") === undefined && own(options, "encoding") !== undefined ? "secret" : format;
    const record = { text, format: effective, encoding, arithmetic, platform, handles: new Map() };
    const [, summary] = attach(record);
    for (const [other, attachOther] of attachers) {
      if (everywhere && other !== module && loaded[other]) attachOther(record);
    }
    return new JwtlensKey(constructing, summary, record);
  }

  // The JwtlensKey given, or the key text imported.
  function keyObject(key) {
    const k = typeof key === "string" ? importInto(key, {}, false) : key;
    if (!records.has(k)) {
      throw argumentError("key must be a JwtlensKey from importKey, or key text.", describe(key));
    }
    return k;
  }

  // The key's handle in this module (see above).
  function handle(key) {
    const record = records.get(keyObject(key));
    return record.handles.get(module) ?? attach(record)[0];
  }

  return { importKey, handle };
}
