// `jwtlens/cookies/init`: as `jwtlens/cookies`, with no top-level await; instantiate first (see `jwtlens/init`).
export * from "./cookies.js";
export { init, initSync } from "./init.js";
export type { WasmSource } from "./init.js";
