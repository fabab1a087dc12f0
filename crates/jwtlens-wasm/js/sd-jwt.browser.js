// `jwtlens/sd-jwt` in browsers and bundlers: the SD-JWT wasm, resolved next to this module.
import { setReady } from "./platform.js";
import init from "./jwtlens_sd_jwt.js";
import { initBeside } from "./loader.js";

await initBeside(init, new URL("./jwtlens_sd_jwt_bg.wasm", import.meta.url), "jwtlens/sd-jwt/init");
setReady("sd-jwt");

export * from "./sd-jwt.js";
