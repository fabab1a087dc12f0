// Browsers and bundlers: the cookie jar and simulation wasm, resolved next to this module.
import init from "./jwtlens_sandbox.js";

await init({ module_or_path: new URL("./jwtlens_sandbox_bg.wasm", import.meta.url) });

export * from "./sandbox.js";
