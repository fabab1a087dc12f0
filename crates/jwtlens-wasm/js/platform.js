// Which platform arithmetic importKey offers to the core: set once by an
// entry point (index.node.js), none in browsers. Not part of the public API.
export let platformFactory = null;

export function setPlatformFactory(factory) {
  platformFactory = factory;
}
