// `jwtlens/sd-jwt` in Deno: the .wasm imported as a module (no permission flag needed).
import { setReady } from "./platform.js";
import source wasm from "./jwtlens_sd_jwt_bg.wasm";
import { initSync } from "./jwtlens_sd_jwt.js";

initSync({ module: wasm });
setReady("sd-jwt");

export * from "./sd-jwt.js";
