// Browsers and bundlers: the cookie jar and simulation wasm, resolved next to this module.
import { setReady } from "./platform.js";
import init from "./jwtlens_sandbox.js";
import { initBeside } from "./loader.js";

await initBeside(init, new URL("./jwtlens_sandbox_bg.wasm", import.meta.url), "jwtlens/cookies/init");
setReady("sandbox");

export * from "./sandbox.js";
