// Deno: the .wasm imported as modules (source phase imports), so no permission
// flag is needed to read them: the verifying build instantiated now, the whole
// one (inspect, verify) compiled with this module and instantiated on first use
// (backend.js).
import source verifyWasm from "./jwtlens_verify_bg.wasm";
import source explainWasm from "./jwtlens_wasm_bg.wasm";
import * as verifying from "./jwtlens_verify.js";
import * as explaining from "./jwtlens_wasm.js";
import { splitCore } from "./backend.js";
import source es256kWasm from "./jwtlens_es256k_bg.wasm";
import { setEs256kSource } from "./es256k.js";

splitCore(verifying, () => verifying.initSync({ module: verifyWasm }), {
  glue: explaining,
  source: () => explainWasm,
  where: "jwtlens_wasm_bg.wasm, imported by index.deno.js",
});

// ES256K, which WebCrypto lacks: its wasm, imported as a module like the ones above.
setEs256kSource({ sync: () => es256kWasm });

export * from "./api.js";
