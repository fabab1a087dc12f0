// `jwtlens/sd-jwt` in browsers and bundlers: the SD-JWT wasm, resolved next to this module.
import { setReady } from "./platform.js";
import init from "./jwtlens_sd_jwt.js";

await init({ module_or_path: new URL("./jwtlens_sd_jwt_bg.wasm", import.meta.url) });
setReady("sd-jwt");

export * from "./sd-jwt.js";
