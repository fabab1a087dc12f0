// the cookie jar and simulation in Cloudflare Workers: the .wasm imported as a compiled module.
import { setReady } from "./platform.js";
import wasm from "./jwtlens_sandbox_bg.wasm";
import { initSync } from "./jwtlens_sandbox.js";

initSync({ module: wasm });
setReady("sandbox");

export * from "./sandbox.js";
