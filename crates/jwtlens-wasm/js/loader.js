// init() and initSync() for an entry with no top-level await: instantiate one
// product's wasm once, from the file beside this module or from what the caller gives.
import { loaded, setReady } from "./platform.js";
import { loadError } from "./common.js";

/**
 * @param {"jwt" | "sd-jwt" | "sign" | "sandbox"} product
 * @param {Function} initWasm wasm-bindgen's default export (async)
 * @param {Function} initWasmSync wasm-bindgen's initSync
 * @param {URL} defaultUrl the .wasm beside the module
 * @param {string} entry the /init entry, named in a load error
 */
export function loader(product, initWasm, initWasmSync, defaultUrl, entry) {
  return {
    async init(input) {
      if (loaded[product]) return;
      const source = input ?? defaultUrl;
      try {
        await initWasm({ module_or_path: source });
      } catch (e) {
        throw loadError(source, e, defaultUrl.pathname.split("/").at(-1), entry);
      }
      setReady(product);
    },
    initSync({ module }) {
      if (loaded[product]) return;
      initWasmSync({ module });
      setReady(product);
    },
  };
}
