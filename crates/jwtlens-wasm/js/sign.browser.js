// `jwtlens/sign` in browsers and bundlers: the signing wasm, resolved next to this module.
import { setReady } from "./platform.js";
import init from "./jwtlens_sign.js";
import { initBeside } from "./loader.js";

await initBeside(init, new URL("./jwtlens_sign_bg.wasm", import.meta.url), "jwtlens/sign/init");
setReady("sign");

export * from "./sign.js";
