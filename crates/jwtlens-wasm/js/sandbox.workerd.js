// the cookie jar and simulation in Cloudflare Workers: the .wasm imported as a compiled module.
import wasm from "./jwtlens_sandbox_bg.wasm";
import { initSync } from "./jwtlens_sandbox.js";

initSync({ module: wasm });

export * from "./sandbox.js";
