// `jwtlens/init`: the JWT API with no top-level await, for service workers,
// custom loaders and bundles that must not wait at import. Instantiate the
// wasm once, then use the API:
//
//   import { init, inspect } from "jwtlens/init";
//   await init();                          // fetches jwtlens_wasm_bg.wasm beside this module
//   await init(urlOrResponseOrBytes);      // or from where you keep it ("jwtlens/wasm")
//   initSync({ module });                  // or synchronously, from a WebAssembly.Module or bytes
import initWasm, { initSync as initWasmSync } from "./jwtlens_wasm.js";
import { ready, setReady } from "./platform.js";
import { loadError } from "./common.js";

export * from "./api.js";

/**
 * Instantiate the wasm. `input` is a URL, a Response, a WebAssembly.Module or
 * bytes; by default the .wasm beside this module. Calling it again does nothing.
 */
export async function init(input) {
  if (ready) return;
  const source = input ?? new URL("./jwtlens_wasm_bg.wasm", import.meta.url);
  try {
    await initWasm({ module_or_path: source });
  } catch (e) {
    throw loadError(source, e);
  }
  setReady();
}

/** Instantiate the wasm synchronously from a WebAssembly.Module or its bytes. Calling it again does nothing. */
export function initSync({ module }) {
  if (ready) return;
  initWasmSync({ module });
  setReady();
}
