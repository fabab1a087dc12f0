// `jwtlens/sign` in browsers and bundlers: the signing wasm, resolved next to this module.
import init from "./jwtlens_sign.js";

await init({ module_or_path: new URL("./jwtlens_sign_bg.wasm", import.meta.url) });

export * from "./sign.js";
