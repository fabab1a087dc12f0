// Browsers and bundlers: the .wasm is resolved next to this module (bundlers
// such as Vite and webpack 5 understand `new URL(..., import.meta.url)`).
import init from "./jwtlens_wasm.js";

await init({ module_or_path: new URL("./jwtlens_wasm_bg.wasm", import.meta.url) });

export * from "./api.js";
