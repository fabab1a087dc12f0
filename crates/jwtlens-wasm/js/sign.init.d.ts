// `jwtlens/sign/init`: as `jwtlens/sign`, with no top-level await; instantiate first (see `jwtlens/init`).
export * from "./sign.js";
export { init, initSync } from "./init.js";
export type { WasmSource } from "./init.js";
