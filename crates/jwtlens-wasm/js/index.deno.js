// Deno: the .wasm imported as modules (source phase imports), so no permission
// flag is needed to read them: the verifying build (compiled for speed)
// instantiated now, the one that explains (inspect, verify) on first use
// (backend.js).
import source verifyWasm from "./jwtlens_verify_bg.wasm";
import source explainWasm from "./jwtlens_wasm_bg.wasm";
import * as verifying from "./jwtlens_verify.js";
import * as explaining from "./jwtlens_wasm.js";
import { setCore } from "./backend.js";
import { setReady } from "./platform.js";
import source es256kWasm from "./jwtlens_es256k_bg.wasm";
import { setEs256kSource } from "./es256k.js";

verifying.initSync({ module: verifyWasm });
setCore(verifying, { glue: explaining, source: () => explainWasm });
setReady();

// ES256K, which WebCrypto lacks: its wasm, imported as a module like the ones above.
setEs256kSource({ sync: () => es256kWasm });

export * from "./api.js";
