// `jwtlens/sd-jwt` in Node and Bun: read the SD-JWT wasm next to this file, synchronously.
import { setPlatformFactory, setReady } from "./platform.js";
import { readFileSync } from "node:fs";
import { initSync } from "./jwtlens_sd_jwt.js";
import { nodePlatform } from "./platform.node.js";
import { setEs256kSource } from "./es256k.js";

initSync({ module: readFileSync(new URL("./jwtlens_sd_jwt_bg.wasm", import.meta.url)) });
setReady("sd-jwt");

// RSA, ECDSA and EdDSA arithmetic from Node's OpenSSL, as in index.node.js.
setPlatformFactory(nodePlatform);

// ES256K where OpenSSL has no secp256k1 (Bun's BoringSSL): its wasm, read when first needed.
setEs256kSource({ sync: () => readFileSync(new URL("./jwtlens_es256k_bg.wasm", import.meta.url)) });

export * from "./sd-jwt.js";
