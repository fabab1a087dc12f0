// Cloudflare Workers (workerd): the .wasm imported as a compiled module, the
// only way workerd runs wasm (it refuses to compile bytes at run time).
// Wrangler does this for `.wasm` imports with no configuration.
import wasm from "./jwtlens_wasm_bg.wasm";
import { initSync } from "./jwtlens_wasm.js";
import { setReady } from "./platform.js";

initSync({ module: wasm });
setReady();

export * from "./api.js";
