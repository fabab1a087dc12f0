// `jwtlens/sd-jwt/init`: SD-JWT verification with no top-level await
// (see `jwtlens/init`); the wasm is "jwtlens/sd-jwt/wasm".
import initWasm, { initSync as initWasmSync } from "./jwtlens_sd_jwt.js";
import { loader } from "./loader.js";
import { setEs256kSource } from "./es256k.js";

export * from "./sd-jwt.js";

// ES256K, which WebCrypto lacks: its wasm, fetched beside this module the first time one is checked.
setEs256kSource({ url: new URL("./jwtlens_es256k_bg.wasm", import.meta.url) });

export const { init, initSync } = loader("sd-jwt", initWasm, initWasmSync, new URL("./jwtlens_sd_jwt_bg.wasm", import.meta.url), "jwtlens/sd-jwt/init");
