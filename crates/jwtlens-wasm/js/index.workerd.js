// Cloudflare Workers (workerd): the .wasm imported as a compiled module, the
// only way workerd runs wasm (it refuses to compile bytes at run time).
// Wrangler does this for `.wasm` imports with no configuration.
import wasm from "./jwtlens_wasm_bg.wasm";
import { initSync } from "./jwtlens_wasm.js";
import { setReady } from "./platform.js";
import es256kWasm from "./jwtlens_es256k_bg.wasm";
import { setEs256kSource } from "./es256k.js";

initSync({ module: wasm });
setReady();

// ES256K, which WebCrypto lacks: its wasm, imported as a compiled module like the one above.
setEs256kSource({ sync: () => es256kWasm });

export * from "./api.js";
