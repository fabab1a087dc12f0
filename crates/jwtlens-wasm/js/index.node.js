// Node and Bun: read the .wasm next to this file and instantiate it synchronously:
// the verifying build now, the whole one (inspect, verify) on first use (backend.js).
import { readFileSync } from "node:fs";
import * as verifying from "./jwtlens_verify.js";
import * as explaining from "./jwtlens_wasm.js";
import { splitCore } from "./backend.js";
import { setPlatformFactory } from "./platform.js";
import { nodePlatform } from "./platform.node.js";
import { setEs256kSource } from "./es256k.js";

const beside = (file) => () => readFileSync(new URL(`./${file}`, import.meta.url));
splitCore(verifying, () => verifying.initSync({ module: beside("jwtlens_verify_bg.wasm")() }), {
  glue: explaining,
  source: beside("jwtlens_wasm_bg.wasm"),
  where: new URL("./jwtlens_wasm_bg.wasm", import.meta.url).href,
});

// RSA, ECDSA and EdDSA arithmetic from Node's OpenSSL; every decision stays the core's.
setPlatformFactory(nodePlatform);

// ES256K where OpenSSL has no secp256k1 (Bun's BoringSSL): its wasm, read when first needed.
setEs256kSource({ sync: beside("jwtlens_es256k_bg.wasm") });

export * from "./api.js";
