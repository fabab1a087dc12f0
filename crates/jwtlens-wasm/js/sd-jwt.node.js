// `jwtlens/sd-jwt` in Node and Bun: read the SD-JWT wasm next to this file, synchronously.
import { setPlatformFactory, setReady } from "./platform.js";
import { readFileSync } from "node:fs";
import { initSync } from "./jwtlens_sd_jwt.js";
import { nodePlatform } from "./platform.node.js";

initSync({ module: readFileSync(new URL("./jwtlens_sd_jwt_bg.wasm", import.meta.url)) });
setReady("sd-jwt");

// RSA, ECDSA and EdDSA arithmetic from Node's OpenSSL, as in index.node.js.
setPlatformFactory(nodePlatform);

export * from "./sd-jwt.js";
