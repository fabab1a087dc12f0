// Deno: the .wasm imported as a module (a source phase import), so no
// permission flag is needed to read it.
import source wasm from "./jwtlens_wasm_bg.wasm";
import { initSync } from "./jwtlens_wasm.js";
import { setReady } from "./platform.js";

initSync({ module: wasm });
setReady();

export * from "./api.js";
