// the cookie jar and simulation in Deno: the .wasm imported as a module (no permission flag needed).
import source wasm from "./jwtlens_sandbox_bg.wasm";
import { initSync } from "./jwtlens_sandbox.js";

initSync({ module: wasm });

export * from "./sandbox.js";
