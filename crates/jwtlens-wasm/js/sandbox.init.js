// The cookie jar and the simulation with no top-level await (`jwtlens/cookies/init`,
// `jwtlens/flows/init`; see `jwtlens/init`); the wasm is "jwtlens/cookies/wasm" (the same file as "jwtlens/flows/wasm").
import initWasm, { initSync as initWasmSync } from "./jwtlens_sandbox.js";
import { loader } from "./loader.js";

export * from "./sandbox.js";

export const { init, initSync } = loader("sandbox", initWasm, initWasmSync, new URL("./jwtlens_sandbox_bg.wasm", import.meta.url), "jwtlens/cookies/init");
