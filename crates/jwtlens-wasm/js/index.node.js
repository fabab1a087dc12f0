// Node and Bun: read the .wasm next to this file and instantiate it synchronously.
import { readFileSync } from "node:fs";
import { initSync } from "./jwtlens_wasm.js";
import { setPlatformFactory, setReady } from "./platform.js";
import { nodePlatform } from "./platform.node.js";

initSync({ module: readFileSync(new URL("./jwtlens_wasm_bg.wasm", import.meta.url)) });
setReady();

// RSA, ECDSA and EdDSA arithmetic from Node's OpenSSL; every decision stays the core's.
setPlatformFactory(nodePlatform);

export * from "./api.js";
