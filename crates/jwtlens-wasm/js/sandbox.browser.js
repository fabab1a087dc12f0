// Browsers and bundlers: the cookie jar and simulation wasm, resolved next to this module.
import { setReady } from "./platform.js";
import init from "./jwtlens_sandbox.js";

await init({ module_or_path: new URL("./jwtlens_sandbox_bg.wasm", import.meta.url) });
setReady("sandbox");

export * from "./sandbox.js";
