// `jwtlens/sd-jwt/init`: as `jwtlens/sd-jwt`, with no top-level await; instantiate first (see `jwtlens/init`).
export * from "./sd-jwt.js";
export { init, initSync } from "./init.js";
export type { WasmSource } from "./init.js";
