// Browsers and bundlers: the .wasm is resolved next to this module (Vite and
// webpack 5 follow `new URL(..., import.meta.url)` and emit the file; with
// esbuild, copy jwtlens_wasm_bg.wasm next to the bundle).
import init from "./jwtlens_wasm.js";
import { setReady } from "./platform.js";
import { initBeside } from "./loader.js";

await initBeside(init, new URL("./jwtlens_wasm_bg.wasm", import.meta.url), "jwtlens/init");
setReady();

export * from "./api.js";
