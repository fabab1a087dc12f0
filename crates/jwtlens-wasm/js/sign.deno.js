// `jwtlens/sign` in Deno: the .wasm imported as a module (no permission flag needed).
import { setReady } from "./platform.js";
import source wasm from "./jwtlens_sign_bg.wasm";
import { initSync } from "./jwtlens_sign.js";

initSync({ module: wasm });
setReady("sign");

export * from "./sign.js";
