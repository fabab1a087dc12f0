// `jwtlens/cookies`: the RFC 6265bis cookie jar (its own wasm, loaded only when imported).
export { CookieJar, JwtlensError, version } from "./sandbox.workerd.js";
