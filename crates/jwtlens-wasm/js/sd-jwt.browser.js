// `jwtlens/sd-jwt` in browsers and bundlers: the SD-JWT wasm, resolved next to this module.
import { setReady } from "./platform.js";
import init from "./jwtlens_sd_jwt.js";
import { loadError } from "./common.js";

const url = new URL("./jwtlens_sd_jwt_bg.wasm", import.meta.url);
try {
  await init({ module_or_path: url });
} catch (e) {
  throw loadError(url, e, "jwtlens_sd_jwt_bg.wasm", "jwtlens/sd-jwt/init");
}
setReady("sd-jwt");

export * from "./sd-jwt.js";
