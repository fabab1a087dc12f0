// `jwtlens/sd-jwt` in Cloudflare Workers: the .wasm imported as a compiled module.
import { setReady } from "./platform.js";
import wasm from "./jwtlens_sd_jwt_bg.wasm";
import { initSync } from "./jwtlens_sd_jwt.js";
import es256kWasm from "./jwtlens_es256k_bg.wasm";
import { setEs256kSource } from "./es256k.js";

initSync({ module: wasm });
setReady("sd-jwt");

// ES256K, which WebCrypto lacks: its wasm, imported as a compiled module like the one above.
setEs256kSource({ sync: () => es256kWasm });

export * from "./sd-jwt.js";
