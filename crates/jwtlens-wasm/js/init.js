// `jwtlens/init`: the JWT API with no top-level await, for service workers,
// custom loaders and bundles that must not wait at import. Instantiate the
// wasm once, then use the API:
//
//   import { init, inspect } from "jwtlens/init";
//   await init();                          // fetches jwtlens_wasm_bg.wasm beside this module
//   await init(urlOrResponseOrBytes);      // or from where you keep it ("jwtlens/wasm")
//   initSync({ module });                  // or synchronously, from a WebAssembly.Module or bytes
import * as glue from "./jwtlens_wasm.js";
import { offerCore } from "./backend.js";
import { loader } from "./loader.js";
import { setEs256kSource } from "./es256k.js";

export * from "./api.js";

// ES256K, which WebCrypto lacks: its wasm, fetched beside this module the first time one is checked.
setEs256kSource({ url: new URL("./jwtlens_es256k_bg.wasm", import.meta.url) });

// One wasm does everything here (the browsers' build: index.js), unless another
// entry imported beside this one set its own (backend.js).
offerCore(glue);

export const { init, initSync } = loader("jwt", glue.default, glue.initSync, new URL("./jwtlens_wasm_bg.wasm", import.meta.url), "jwtlens/init");
