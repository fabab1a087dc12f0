// `jwtlens/sign` in Cloudflare Workers: the .wasm imported as a compiled module.
import { setReady } from "./platform.js";
import wasm from "./jwtlens_sign_bg.wasm";
import { initSync } from "./jwtlens_sign.js";

initSync({ module: wasm });
setReady("sign");

export * from "./sign.js";
