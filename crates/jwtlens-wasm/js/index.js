// Browsers and bundlers: the .wasm is resolved next to this module (Vite and
// webpack 5 follow `new URL(..., import.meta.url)` and emit the file; with
// esbuild, copy jwtlens_wasm_browser_bg.wasm next to the bundle). It is the
// browsers' build of the JWT wasm: the same code as the servers' (index.node.js
// and the others), compiled for size rather than speed (Cargo.toml,
// npm-browser), and one wasm for everything (the servers' split: backend.js).
import * as glue from "./jwtlens_wasm.js";
import { setCore } from "./backend.js";
import { setReady } from "./platform.js";
import { initBeside } from "./loader.js";
import { setEs256kSource } from "./es256k.js";

setCore(glue);
await initBeside(glue.default, new URL("./jwtlens_wasm_browser_bg.wasm", import.meta.url), "jwtlens/init");
setReady();

// ES256K, which WebCrypto lacks: its wasm, fetched beside this module the first time one is checked.
setEs256kSource({ url: new URL("./jwtlens_es256k_bg.wasm", import.meta.url) });

export * from "./api.js";
