// `jwtlens/sign/init`: signing and key generation with no top-level await
// (see `jwtlens/init`); the wasm is "jwtlens/sign/wasm".
import initWasm, { initSync as initWasmSync } from "./jwtlens_sign.js";
import { loader } from "./loader.js";

export * from "./sign.js";

export const { init, initSync } = loader("sign", initWasm, initWasmSync, new URL("./jwtlens_sign_bg.wasm", import.meta.url), "jwtlens/sign/init");
