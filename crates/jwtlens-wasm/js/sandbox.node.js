// Node and Bun: read the cookie jar and simulation wasm next to this file, synchronously.
import { setReady } from "./platform.js";
import { readFileSync } from "node:fs";
import { initSync } from "./jwtlens_sandbox.js";

initSync({ module: readFileSync(new URL("./jwtlens_sandbox_bg.wasm", import.meta.url)) });
setReady("sandbox");

export * from "./sandbox.js";
