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
      await instantiate(initWasm, input ?? defaultUrl, defaultUrl, entry);
      setReady(product);
    },
    initSync({ module }) {
      if (loaded[product]) return;
      initWasmSync({ module });
      setReady(product);
    },
  };
}

// Instantiate from `source`, or throw an error naming the product's file (the one
// at `defaultUrl`) and its `/init` entry.
async function instantiate(initWasm, source, defaultUrl, entry) {
  try {
    await initWasm({ module_or_path: source });
  } catch (e) {
    throw loadError(source, e, defaultUrl.pathname.split("/").at(-1), entry);
  }
}

/**
 * For the entries with top-level await (browsers, bundlers): instantiate the
 * wasm at `url`, or throw an error naming the file and the `/init` entry.
 * @param {Function} initWasm wasm-bindgen's default export (async)
 * @param {URL} url the .wasm beside the module
 * @param {string} entry the /init entry
 */
export function initBeside(initWasm, url, entry) {
  return instantiate(initWasm, url, url, entry);
}
