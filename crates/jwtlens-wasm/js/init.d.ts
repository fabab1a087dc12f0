// `jwtlens/init`: the JWT API with no top-level await. Instantiate first.
export * from "./index.js";

/** Where the wasm comes from: a URL (or its text), a fetch Response, a WebAssembly.Module, or the bytes. */
export type WasmSource = URL | string | ArrayBuffer | ArrayBufferView | object;

/**
 * Instantiate the wasm, by default from `jwtlens_wasm_bg.wasm` beside this module
 * (also exported as "jwtlens/wasm"). Until it resolves, every function throws a
 * JwtlensError with code "not_initialized". Calling it again does nothing.
 */
export function init(input?: WasmSource): Promise<void>;

/** Instantiate the wasm synchronously from a WebAssembly.Module or its bytes. */
export function initSync(options: { module: ArrayBuffer | ArrayBufferView | object }): void;
