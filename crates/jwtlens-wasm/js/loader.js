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
        throw loadError(source, e, fileName(defaultUrl), entry);
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

const fileName = (url) => url.pathname.split("/").at(-1);

/**
 * For the entries with top-level await (browsers, bundlers): instantiate the
 * wasm at `url`, or throw an error naming the file and the `/init` entry.
 * @param {Function} initWasm wasm-bindgen's default export (async)
 * @param {URL} url the .wasm beside the module
 * @param {string} entry the /init entry
 */
export async function initBeside(initWasm, url, entry) {
  try {
    await initWasm({ module_or_path: url });
  } catch (e) {
    throw loadError(url, e, fileName(url), entry);
  }
}
