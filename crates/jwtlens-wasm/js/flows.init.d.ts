// `jwtlens/flows/init`: as `jwtlens/flows`, with no top-level await; instantiate first (see `jwtlens/init`).
export * from "./flows.js";
export { init, initSync } from "./init.js";
export type { WasmSource } from "./init.js";
