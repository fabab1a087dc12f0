// Node and Bun: read the .wasm next to this file and instantiate it synchronously.
import { readFileSync } from "node:fs";
import { initSync } from "./jwtlens_wasm.js";
import { setPlatformFactory, setReady } from "./platform.js";
import { nodePlatform } from "./platform.node.js";
import { setEs256kSource } from "./es256k.js";

initSync({ module: readFileSync(new URL("./jwtlens_wasm_bg.wasm", import.meta.url)) });
setReady();

// RSA, ECDSA and EdDSA arithmetic from Node's OpenSSL; every decision stays the core's.
setPlatformFactory(nodePlatform);

// ES256K where OpenSSL has no secp256k1 (Bun's BoringSSL): its wasm, read when first needed.
setEs256kSource({ sync: () => readFileSync(new URL("./jwtlens_es256k_bg.wasm", import.meta.url)) });

export * from "./api.js";
