// `jwtlens/sd-jwt` in browsers and bundlers: the SD-JWT wasm, resolved next to this
// module; the browsers' build, compiled for size (see index.js).
import { setReady } from "./platform.js";
import init from "./jwtlens_sd_jwt.js";
import { initBeside } from "./loader.js";
import { setEs256kSource } from "./es256k.js";

await initBeside(init, new URL("./jwtlens_sd_jwt_browser_bg.wasm", import.meta.url), "jwtlens/sd-jwt/init");
setReady("sd-jwt");

// ES256K, which WebCrypto lacks: its wasm, fetched beside this module the first time one is checked.
setEs256kSource({ url: new URL("./jwtlens_es256k_bg.wasm", import.meta.url) });

export * from "./sd-jwt.js";
