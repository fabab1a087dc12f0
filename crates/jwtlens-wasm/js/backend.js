// Which wasm the JWT API (api.js) calls, set by the entry that loaded it. Not
// part of the public API.
//
// Browsers and `jwtlens/init` load one wasm that does everything (compiled for
// size). The servers' entries (Node, Bun, Deno, workerd) load two builds of the
// same core: `jwtlens_verify_bg.wasm`, compiled for speed, for everything a
// server does per token (decode, verifyFast, the compiled verifier,
// verifySignature, importKey), and the everything-wasm for `inspect` and
// `verify`, which explain a token in a full report; the second is instantiated
// the first time one of those two is called, synchronously, so a server that
// only verifies never compiles it.
import { setReady } from "./platform.js";
import { loadError } from "./common.js";
import { keyFunctions, expectVerifyingModule } from "./key.js";

/** The verifying exports: the one wasm, or the servers' verifying build. */
export let core = null;
let explainer = null;
let explaining = null;

/**
 * The entry's wasm exports (wasm-bindgen's glue module). `explain`, for the
 * servers' entries only: `{ glue, source }`, the everything-wasm's glue and a
 * function giving its module or bytes synchronously, called on first use.
 */
export function setCore(glue, explain = null) {
  core = glue;
  if (explain !== null) expectVerifyingModule("jwt-explain");
  explainer = explain;
}

/**
 * `setCore(glue)` unless an entry already set its wasm: `jwtlens/init`, whose
 * wasm the caller instantiates later, gives way to an entry imported beside it
 * that instantiated its own (the API is one module whichever entry exported it).
 */
export function offerCore(glue) {
  if (core === null) setCore(glue);
}

/**
 * The exports that explain (`inspectJson`, `verifyJson`) and the key functions
 * of their wasm: `keys` (the JWT module's own) when the entry loaded one wasm.
 */
export function explainWith(keys, requireReady) {
  if (explainer === null) return { glue: core, keys };
  if (explaining === null) {
    const { glue, source } = explainer;
    try {
      glue.initSync({ module: source() });
    } catch (e) {
      throw loadError("jwtlens_wasm_bg.wasm (beside the package's entry)", e, "jwtlens_wasm_bg.wasm", "jwtlens/init");
    }
    setReady("jwt-explain");
    explaining = { glue, keys: keyFunctions("jwt-explain", glue.importKey, glue.algorithmNames, requireReady) };
  }
  return explaining;
}

