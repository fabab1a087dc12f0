// Node, Deno and Bun: read the .wasm next to this file and instantiate it synchronously.
import { readFileSync } from "node:fs";
import { initSync } from "./jwtlens_wasm.js";

initSync({ module: readFileSync(new URL("./jwtlens_wasm_bg.wasm", import.meta.url)) });

export * from "./api.js";
