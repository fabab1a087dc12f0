// The npm subpaths `jwtlens/cookies` and `jwtlens/flows`: convert arguments,
// call the cookie jar and the simulation (crates/jwtlens-cookie,
// crates/jwtlens-flows, compiled to their own wasm), convert back.
import {
  CookieJarHandle,
  simulateJson,
  compareJson,
  SimulationHandle,
  version as coreVersion,
} from "./jwtlens_sandbox.js";
import { JwtlensError, argumentError, callCore, describe, jsonArgument, nowArgument } from "./common.js";
import { requireLoaded } from "./platform.js";

export { JwtlensError };

const requireReady = () => requireLoaded("sandbox", (d) => new JwtlensError(d), "jwtlens/cookies/init or jwtlens/flows/init");

function requestArgument(request, name = "request") {
  const r = typeof request === "string" ? { url: request } : request;
  if (r === null || typeof r !== "object" || typeof r.url !== "string") {
    throw argumentError(`${name} must be a URL string or an object with a url.`, describe(request));
  }
  return jsonArgument(r, name);
}

function nowSeconds(options) {
  const now = nowArgument(options?.now);
  if (now === undefined) throw argumentError("options.now is required: the jar reads no clock.", "undefined");
  return Math.floor(now);
}

/**
 * A cookie jar that follows RFC 6265bis (and Chromium where the draft leaves a choice).
 * Time is always passed in. A request is a URL string or
 * `{ url, method?, site?, topLevel?, fromScript?, frames?, destination? }` (`site`: the top-level
 * page; `frames`: frames inside it, outermost first; see cookies.d.ts).
 */
export class CookieJar {
  #jar;

  /**
   * @param {{ thirdPartyCookies?: "blocked" | "allowed" }} [options] third-party cookies are
   * blocked by default, as in a fresh Chromium profile; "allowed" is RFC 6265bis alone.
   */
  constructor(options = {}) {
    requireReady();
    if (options === null || typeof options !== "object") throw argumentError("options must be an object.", describe(options));
    const known = Object.keys(options).filter((k) => k !== "thirdPartyCookies");
    if (known.length) throw argumentError(`options.${known[0]} is not a CookieJar option (the option is thirdPartyCookies).`, known[0]);
    const setting = Object.hasOwn(options, "thirdPartyCookies") ? options.thirdPartyCookies : undefined;
    if (setting !== undefined && typeof setting !== "string") throw argumentError('options.thirdPartyCookies must be "blocked" or "allowed".', describe(setting));
    this.#jar = callCore(() => new CookieJarHandle(setting));
  }

  /** Store one Set-Cookie line received for `request`; returns the outcome (stored, replaced, deleted, rejected + reason). */
  setCookie(line, request, options) {
    if (typeof line !== "string") throw argumentError("line must be a string.", describe(line));
    const req = requestArgument(request);
    return JSON.parse(callCore(() => this.#jar.setCookieJson(line, req, nowSeconds(options))));
  }

  /** For each stored cookie: is it sent with `request`, and why (or why not). */
  cookiesFor(request, options) {
    const req = requestArgument(request);
    return JSON.parse(callCore(() => this.#jar.cookiesForJson(req, nowSeconds(options))));
  }

  /** The Cookie header for `request` ("" when nothing is sent). */
  cookieHeader(request, options) {
    const req = requestArgument(request);
    return callCore(() => this.#jar.cookieHeader(req, nowSeconds(options)));
  }

  /**
   * What `document.cookie` returns on a page at `url` (a URL, or `{ url, site, topLevel: false }`
   * for a page inside a frame of `site`): HttpOnly cookies are not in it.
   */
  documentCookie(url, options) {
    const req = requestArgument(typeof url === "string" ? { url, fromScript: true } : { ...url, fromScript: true }, "url");
    return callCore(() => this.#jar.cookieHeader(req, nowSeconds(options)));
  }

  /** Every stored cookie with all its attributes. */
  cookies() {
    return JSON.parse(this.#jar.cookiesJson());
  }
}

function optionsArgument(options) {
  if (options === undefined || options === null) return "";
  if (typeof options !== "object" || Array.isArray(options)) throw argumentError("options must be an object.", describe(options));
  return jsonArgument(options, "options");
}

// "logout" is shorthand for { step: "logout" }.
function stepArgument(step, name) {
  const s = typeof step === "string" ? { step } : step;
  if (s === null || typeof s !== "object" || typeof s.step !== "string") {
    throw argumentError(`${name} must be a step name or an object such as { step: "request", server: 2 }.`, describe(step));
  }
  return s;
}

/**
 * Simulate sessions vs JWTs: a browser, servers, an admin and an attacker, deterministic
 * (time moves only by { step: "advance", seconds }; randomness from options.seed).
 * @param {import("./index.d.ts").FlowOptions} options e.g. { strategy: "jwt_local_storage", sameSite: "Lax" }
 * @param {(import("./index.d.ts").FlowStep | string)[]} steps e.g. ["login", "xss", "logout", "replay"]
 * @returns {import("./index.d.ts").FlowRun}
 */
export function simulate(options, steps) {
  requireReady();
  if (!Array.isArray(steps)) throw argumentError("steps must be an array.", describe(steps));
  const list = `[${steps.map((s, i) => jsonArgument(stepArgument(s, `steps[${i}]`), `steps[${i}]`)).join(",")}]`;
  return JSON.parse(callCore(() => simulateJson(optionsArgument(options), list)));
}

/**
 * The sessions-vs-JWT comparison table, every cell measured by running the same
 * scenarios under each strategy with `options`.
 * @param {import("./index.d.ts").FlowOptions} [options]
 * @returns {import("./index.d.ts").Comparison}
 */
export function compareStrategies(options) {
  requireReady();
  return JSON.parse(callCore(() => compareJson(optionsArgument(options))));
}

/** A simulation stepped one step at a time (what the playground's sandbox drives). */
export class Simulation {
  #sim;

  /** @param {import("./index.d.ts").FlowOptions} [options] */
  constructor(options) {
    requireReady();
    const config = optionsArgument(options);
    this.#sim = callCore(() => new SimulationHandle(config));
  }

  /** Run one step; returns its events and outcome sentence. */
  step(step) {
    const s = jsonArgument(stepArgument(step, "step"), "step");
    return JSON.parse(callCore(() => this.#sim.stepJson(s)));
  }

  /** The browser, the servers and the attacker's loot now. */
  snapshot() {
    return JSON.parse(this.#sim.snapshotJson());
  }
}

/** The version of the jwtlens core inside this package. */
export function version() {
  requireReady();
  return coreVersion();
}
