// `jwtlens/sign` in browsers and bundlers: the signing wasm, resolved next to this module.
import { setReady } from "./platform.js";
import init from "./jwtlens_sign.js";
import { loadError } from "./common.js";

const url = new URL("./jwtlens_sign_bg.wasm", import.meta.url);
try {
  await init({ module_or_path: url });
} catch (e) {
  throw loadError(url, e, "jwtlens_sign_bg.wasm", "jwtlens/sign/init");
}
setReady("sign");

export * from "./sign.js";
