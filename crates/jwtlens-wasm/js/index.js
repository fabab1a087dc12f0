// Browsers and bundlers: the .wasm is resolved next to this module (Vite and
// webpack 5 follow `new URL(..., import.meta.url)` and emit the file; with
// esbuild, copy jwtlens_wasm_bg.wasm next to the bundle). One wasm does
// everything here, compiled for size (Cargo.toml, npm-browser); the servers'
// entries (index.node.js and the others) split it in two (backend.js).
import * as glue from "./jwtlens_wasm.js";
import { setCore } from "./backend.js";
import { setReady } from "./platform.js";
import { initBeside } from "./loader.js";
import { setEs256kSource } from "./es256k.js";

setCore(glue);
await initBeside(glue.default, new URL("./jwtlens_wasm_bg.wasm", import.meta.url), "jwtlens/init");
setReady();

// ES256K, which WebCrypto lacks: its wasm, fetched beside this module the first time one is checked.
setEs256kSource({ url: new URL("./jwtlens_es256k_bg.wasm", import.meta.url) });

export * from "./api.js";
