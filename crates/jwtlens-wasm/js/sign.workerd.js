// `jwtlens/sign` in Cloudflare Workers: the .wasm imported as a compiled module.
import wasm from "./jwtlens_sign_bg.wasm";
import { initSync } from "./jwtlens_sign.js";

initSync({ module: wasm });

export * from "./sign.js";
