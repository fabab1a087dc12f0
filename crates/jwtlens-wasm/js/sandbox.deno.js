// the cookie jar and simulation in Deno: the .wasm imported as a module (no permission flag needed).
import { setReady } from "./platform.js";
import source wasm from "./jwtlens_sandbox_bg.wasm";
import { initSync } from "./jwtlens_sandbox.js";

initSync({ module: wasm });
setReady("sandbox");

export * from "./sandbox.js";
