// The npm face of jwtlens: convert arguments, call the core, convert back.
// Every decision is the core's (crates/jwtlens); this file only moves data.
import { inspectJson, decodeJson, version as coreVersion } from "./jwtlens_wasm.js";

/**
 * An error from jwtlens: a stable `code`, the `part` of the token and the
 * byte `offset` it points at, and what was `expected` and `found` there.
 */
export class JwtlensError extends Error {
  constructor(diagnostic) {
    super(diagnostic.message);
    this.name = "JwtlensError";
    this.code = diagnostic.code;
    this.part = diagnostic.part;
    this.offset = diagnostic.offset;
    this.end = diagnostic.end;
    if (diagnostic.decoded_offset !== undefined) this.decodedOffset = diagnostic.decoded_offset;
    if (diagnostic.expected !== undefined) this.expected = diagnostic.expected;
    if (diagnostic.found !== undefined) this.found = diagnostic.found;
  }
}

function argumentError(message, found) {
  return new JwtlensError({
    code: "invalid_argument",
    part: "input",
    offset: 0,
    end: 0,
    message,
    found,
  });
}

function describe(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

function tokenArgument(token) {
  if (typeof token !== "string") {
    throw argumentError(`The token must be a string, but a ${describe(token)} was given.`, describe(token));
  }
  return token;
}

function nowArgument(now) {
  if (now === undefined || now === null) return undefined;
  const seconds = now instanceof Date ? now.getTime() / 1000 : now;
  if (typeof seconds !== "number" || !Number.isFinite(seconds)) {
    throw argumentError(
      "options.now must be a finite number of seconds since 1970 (a NumericDate) or a Date.",
      describe(now),
    );
  }
  return seconds;
}

/**
 * Decode and explain a token without verifying it.
 * @param {string} token the token; whitespace, quotes and a `Bearer ` prefix are removed with a notice
 * @param {{ now?: number | Date }} [options] `now` judges exp/nbf/iat; omitted, they are left unjudged
 * @returns {import("./index.d.ts").Report}
 */
export function inspect(token, options = {}) {
  const input = tokenArgument(token);
  const now = nowArgument(options?.now);
  return JSON.parse(inspectJson(input, now));
}

/**
 * Decode a JWS into `{ header, payload, signature }` (signature as base64url),
 * without verifying it. Throws a `JwtlensError` at the first problem.
 * @param {string} token
 */
export function decode(token) {
  const outcome = JSON.parse(decodeJson(tokenArgument(token)));
  if (!outcome.ok) throw new JwtlensError(outcome.error);
  return { header: outcome.header, payload: outcome.payload, signature: outcome.signature };
}

/** The version of the jwtlens core inside this package. */
export function version() {
  return coreVersion();
}
