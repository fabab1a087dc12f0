// Browsers and bundlers: the cookie jar and simulation wasm, resolved next to this module.
import { setReady } from "./platform.js";
import init from "./jwtlens_sandbox.js";
import { loadError } from "./common.js";

const url = new URL("./jwtlens_sandbox_bg.wasm", import.meta.url);
try {
  await init({ module_or_path: url });
} catch (e) {
  throw loadError(url, e, "jwtlens_sandbox_bg.wasm", "jwtlens/cookies/init");
}
setReady("sandbox");

export * from "./sandbox.js";
