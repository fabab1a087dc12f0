// Cloudflare Workers (workerd): the .wasm imported as compiled modules, the
// only way workerd runs wasm (it refuses to compile bytes at run time).
// Wrangler does this for `.wasm` imports with no configuration. The verifying
// build (compiled for speed) is instantiated now, the one that explains
// (inspect, verify) on first use (backend.js).
import verifyWasm from "./jwtlens_verify_bg.wasm";
import explainWasm from "./jwtlens_wasm_bg.wasm";
import * as verifying from "./jwtlens_verify.js";
import * as explaining from "./jwtlens_wasm.js";
import { setCore } from "./backend.js";
import { setReady } from "./platform.js";
import es256kWasm from "./jwtlens_es256k_bg.wasm";
import { setEs256kSource } from "./es256k.js";

verifying.initSync({ module: verifyWasm });
setCore(verifying, { glue: explaining, source: () => explainWasm });
setReady();

// ES256K, which WebCrypto lacks: its wasm, imported as a compiled module like the ones above.
setEs256kSource({ sync: () => es256kWasm });

export * from "./api.js";
