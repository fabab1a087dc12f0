// The package's side modules: small wasm files of their own (ES256K's
// arithmetic, Ed25519's per-key tables), instantiated the first time they are
// needed and never before. Not part of the public API.
//
// An entry says where a module is (setSource): Node and Bun read the file
// beside it synchronously, Deno and workerd import it as a module, browsers
// and the /init entries fetch it beside the module, with no token in the
// request. A module that cannot be had stays unused: its callers then leave a
// signature "not checked" or hand it to the platform, never call it valid.

/**
 * One side module, given its wasm-bindgen glue's `initSync` and default init.
 * @param {(options: { module: BufferSource | WebAssembly.Module }) => unknown} initSync
 * @param {(options: { module_or_path: URL }) => Promise<unknown>} [initAsync]
 */
export function sideModule(initSync, initAsync) {
  let source = null;
  let ready = false;
  let failed = false;
  let pending = null;
  function now() {
    if (!ready && !failed && source?.sync) {
      try {
        initSync({ module: source.sync() });
        ready = true;
      } catch {
        failed = true;
      }
    }
    return ready;
  }
  return {
    /**
     * Where the wasm is, set once by the first entry loaded.
     * @param {{ sync: () => BufferSource | WebAssembly.Module } | { url: URL }} where
     */
    setSource(where) {
      source ??= where;
    },
    /** Whether the module is ready, instantiating it now if that needs no waiting (Node, Bun, Deno, workerd). */
    now,
    /** Whether the module is ready, fetching the wasm if it must (browsers). */
    async later() {
      if (now() || failed || !source?.url || !initAsync) return ready;
      // A failed fetch is tried again by the next call, not before.
      pending ??= initAsync({ module_or_path: source.url }).then(
        () => (ready = !failed),
        () => {
          pending = null;
          return false;
        },
      );
      return (await pending) && ready;
    },
    /** Stop using the module, for good (after it threw: its state is not trusted). */
    fail() {
      ready = false;
      failed = true;
    },
  };
}

/** The bytes of unpadded base64url text (a JWK member), or null. */
export function base64urlBytes(text) {
  if (typeof text !== "string" || !/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    return Uint8Array.from(atob(text.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}
