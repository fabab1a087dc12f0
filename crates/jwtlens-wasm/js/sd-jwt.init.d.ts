// `jwtlens/sd-jwt/init`: as `jwtlens/sd-jwt`, with no top-level await; instantiate first (see `jwtlens/init`).
export * from "./sd-jwt.js";
export type { WasmSource } from "./init.js";
import type { WasmSource } from "./init.js";

/**
 * Instantiate the SD-JWT wasm, by default from `jwtlens_sd_jwt_bg.wasm` beside this module
 * (also exported as "jwtlens/sd-jwt/wasm"). Until it resolves, every function throws a
 * JwtlensError with code "not_initialized". Calling it again does nothing.
 */
export function init(input?: WasmSource): Promise<void>;

/** Instantiate the SD-JWT wasm synchronously from a WebAssembly.Module or its bytes. */
export function initSync(options: { module: ArrayBuffer | ArrayBufferView | object }): void;
