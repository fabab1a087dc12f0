// Browsers and bundlers: the .wasm is resolved next to this module (Vite and
// webpack 5 follow `new URL(..., import.meta.url)` and emit the file; with
// esbuild, copy jwtlens_wasm_bg.wasm next to the bundle).
import init from "./jwtlens_wasm.js";
import { setReady } from "./platform.js";
import { loadError } from "./common.js";

const url = new URL("./jwtlens_wasm_bg.wasm", import.meta.url);
try {
  await init({ module_or_path: url });
} catch (e) {
  throw loadError(url, e);
}
setReady();

export * from "./api.js";
