// `jwtlens/sd-jwt` in Cloudflare Workers: the .wasm imported as a compiled module.
import { setReady } from "./platform.js";
import wasm from "./jwtlens_sd_jwt_bg.wasm";
import { initSync } from "./jwtlens_sd_jwt.js";

initSync({ module: wasm });
setReady("sd-jwt");

export * from "./sd-jwt.js";
