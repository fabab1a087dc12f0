// State the entry points set, shared by api.js; not part of the public API.
//
// Which platform arithmetic importKey offers to the core: set once by an
// entry point (index.node.js), none in browsers.
export let platformFactory = null;

export function setPlatformFactory(factory) {
  platformFactory = factory;
}

// Whether the wasm is instantiated: every entry but `jwtlens/init` does it
// when loaded; with `jwtlens/init` the caller does, with init() or initSync().
export let ready = false;

export function setReady() {
  ready = true;
}
