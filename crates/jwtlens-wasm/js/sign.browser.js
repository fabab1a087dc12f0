// `jwtlens/sign` in browsers and bundlers: the signing wasm, resolved next to this module.
import { setReady } from "./platform.js";
import init from "./jwtlens_sign.js";

await init({ module_or_path: new URL("./jwtlens_sign_bg.wasm", import.meta.url) });
setReady("sign");

export * from "./sign.js";
