// `jwtlens/cookies/init`: the cookie jar with no top-level await (see `jwtlens/init`).
export { CookieJar, JwtlensError, version, init, initSync } from "./sandbox.init.js";
