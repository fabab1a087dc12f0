// `jwtlens/sign` in Node and Bun: read the signing wasm next to this file, synchronously.
import { setReady } from "./platform.js";
import { readFileSync } from "node:fs";
import { initSync } from "./jwtlens_sign.js";

initSync({ module: readFileSync(new URL("./jwtlens_sign_bg.wasm", import.meta.url)) });
setReady("sign");

export * from "./sign.js";
