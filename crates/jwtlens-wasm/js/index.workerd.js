// Cloudflare Workers (workerd): the .wasm imported as compiled modules, the
// only way workerd runs wasm (it refuses to compile bytes at run time).
// Wrangler does this for `.wasm` imports with no configuration. The verifying
// build is instantiated now, the whole one (inspect, verify) on first use
// (backend.js).
import verifyWasm from "./jwtlens_verify_bg.wasm";
import explainWasm from "./jwtlens_wasm_bg.wasm";
import * as verifying from "./jwtlens_verify.js";
import * as explaining from "./jwtlens_wasm.js";
import { splitCore } from "./backend.js";
import es256kWasm from "./jwtlens_es256k_bg.wasm";
import { setEs256kSource } from "./es256k.js";

splitCore(verifying, () => verifying.initSync({ module: verifyWasm }), {
  glue: explaining,
  source: () => explainWasm,
  where: "jwtlens_wasm_bg.wasm, imported by index.workerd.js",
});

// ES256K, which WebCrypto lacks: its wasm, imported as a compiled module like the ones above.
setEs256kSource({ sync: () => es256kWasm });

export * from "./api.js";
