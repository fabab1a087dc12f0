// Deno: the .wasm imported as a module (a source phase import), so no
// permission flag is needed to read it.
import source wasm from "./jwtlens_wasm_bg.wasm";
import { initSync } from "./jwtlens_wasm.js";
import { setReady } from "./platform.js";
import source es256kWasm from "./jwtlens_es256k_bg.wasm";
import { setEs256kSource } from "./es256k.js";

initSync({ module: wasm });
setReady();

// ES256K, which WebCrypto lacks: its wasm, imported as a module like the one above.
setEs256kSource({ sync: () => es256kWasm });

export * from "./api.js";
