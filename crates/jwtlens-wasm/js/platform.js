// State the entry points set, shared by api.js; not part of the public API.
//
// Which platform arithmetic importKey offers to the core: set once by an
// entry point (index.node.js), none in browsers.
export let platformFactory = null;

export function setPlatformFactory(factory) {
  platformFactory = factory;
}

// Which products' wasm is instantiated ("jwt", "jwt-explain" (backend.js), "sd-jwt", "sign", "sandbox"): every
// entry but the `/init` ones does it when loaded; with those the caller does,
// with init() or initSync().
export const loaded = { jwt: false, "jwt-explain": false, "sd-jwt": false, sign: false, sandbox: false };

export function setReady(product = "jwt") {
  loaded[product] = true;
}

// Throw a JwtlensError (made by the caller's module, to avoid an import cycle) until `product` is loaded.
export function requireLoaded(product, makeError, entry) {
  if (!loaded[product]) {
    throw makeError({
      code: "not_initialized",
      part: "input",
      offset: 0,
      end: 0,
      message: `The jwtlens wasm is not instantiated yet: with "${entry}", await init() (or call initSync({ module })) first.`,
    });
  }
}
