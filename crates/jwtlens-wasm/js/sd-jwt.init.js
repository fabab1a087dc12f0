// `jwtlens/sd-jwt/init`: SD-JWT verification with no top-level await
// (see `jwtlens/init`); the wasm is "jwtlens/sd-jwt/wasm".
import initWasm, { initSync as initWasmSync } from "./jwtlens_sd_jwt.js";
import { loader } from "./loader.js";

export * from "./sd-jwt.js";

export const { init, initSync } = loader("sd-jwt", initWasm, initWasmSync, new URL("./jwtlens_sd_jwt_bg.wasm", import.meta.url), "jwtlens/sd-jwt/init");
