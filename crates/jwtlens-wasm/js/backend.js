// Which wasm the JWT API (api.js) calls, set by the entry that loaded it. Not
// part of the public API.
//
// Browsers and `jwtlens/init` load one wasm that does everything. The servers'
// entries (Node, Bun, Deno, workerd) load two builds of the same core, both
// compiled for speed: `jwtlens_verify_bg.wasm` for everything a server does per
// token (decode, verifyFast, the compiled verifier, verifySignature, importKey),
// instantiated at import, and the whole module (`jwtlens_wasm_bg.wasm`) for
// `inspect` and `verify`, which explain a token in a full report, instantiated
// the first time one of those two is called. Node and Bun read that file only
// then; Deno and workerd import it as a module with the entry (they compile
// modules they import), and instantiate it then.
import { loaded, setReady } from "./platform.js";
import { keyFunctions, expectVerifyingModule } from "./key.js";

/** The verifying exports: the one wasm, or the servers' verifying build. */
export let core = null;
let explainer = null;
let explaining = null;

/**
 * The entry's wasm exports (wasm-bindgen's glue module). `explain`, for the
 * servers' entries only: `{ glue, source, where }`, the whole module's glue, a
 * function giving its module or bytes synchronously (called on first use), and
 * where that is, for an error.
 */
export function setCore(glue, explain = null) {
  core = glue;
  if (explain !== null) expectVerifyingModule("jwt-explain");
  explainer = explain;
}

/**
 * For the servers' entries: their split (`setCore(verifying, explain)` after
 * `instantiate()`), unless the JWT API is already running on one wasm, which
 * `jwtlens/init` instantiated when imported beside them: keys imported there
 * hold that wasm's handles, so it stays the one (the API is one module,
 * whichever entry exported it).
 */
export function splitCore(verifying, instantiate, explain) {
  if (loaded.jwt) return;
  instantiate();
  setCore(verifying, explain);
  setReady();
}

/**
 * `setCore(glue)` unless an entry already set its wasm: `jwtlens/init`, whose
 * wasm the caller instantiates later, gives way to a servers' entry imported
 * beside it, which instantiated its own at import.
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
    const { glue, source, where } = explainer;
    try {
      glue.initSync({ module: source() });
    } catch (e) {
      throw new Error(
        `jwtlens could not instantiate the WebAssembly that inspect and verify use, from ${where}: ${e?.message ?? e}. ` +
          "A bundle needs jwtlens_wasm_bg.wasm copied next to it, as jwtlens_verify_bg.wasm is.",
        { cause: e },
      );
    }
    setReady("jwt-explain");
    explaining = { glue, keys: keyFunctions("jwt-explain", glue.importKey, glue.algorithmFacts, requireReady) };
  }
  return explaining;
}

