// What every entry of the npm package shares: the error type and the
// argument conversions. No wasm here: each product's entry loads its own.

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
    if (diagnostic.decodedOffset !== undefined) this.decodedOffset = diagnostic.decodedOffset;
    if (diagnostic.expected !== undefined) this.expected = diagnostic.expected;
    if (diagnostic.found !== undefined) this.found = diagnostic.found;
    if (diagnostic.reason !== undefined) this.reason = diagnostic.reason;
    if (diagnostic.format !== undefined) this.format = diagnostic.format;
    if (diagnostic.at !== undefined) this.at = diagnostic.at;
    if (diagnostic.stage !== undefined) this.stage = diagnostic.stage;
  }
}

// The wasm could not be fetched or instantiated: say where it was looked for,
// what the usual cause is, and the file and /init entry of that product.
export function loadError(source, cause, file = "jwtlens_wasm_bg.wasm", entry = "jwtlens/init") {
  const where = source instanceof URL ? source.href : typeof source === "string" ? source : "the given module";
  return new Error(
    `jwtlens could not instantiate its WebAssembly from ${where}: ${cause?.message ?? cause}. ` +
      `A bundler that does not follow new URL(..., import.meta.url) (esbuild) needs ${file} copied next to the bundle; ` +
      `or import "${entry}" and pass the file to init().`,
    { cause },
  );
}

export function argumentError(message, found) {
  return new JwtlensError({
    code: "invalid_argument",
    part: "input",
    offset: 0,
    end: 0,
    message,
    found,
  });
}

// JSON text of caller data, written out from own properties: JSON.stringify
// would call a toJSON that a polluted Object.prototype supplies and rewrite
// what is signed or checked. Plain data only (no Dates, Maps, class instances).
export function jsonArgument(value, path) {
  if (value === null || typeof value === "boolean" || typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw argumentError(`${path} must be a finite number, found ${value}.`, String(value));
    return String(value);
  }
  if (Array.isArray(value)) {
    const items = [];
    for (let i = 0; i < value.length; i++) items.push(jsonArgument(value[i], `${path}[${i}]`));
    return `[${items.join(",")}]`;
  }
  const proto = typeof value === "object" ? Object.getPrototypeOf(value) : undefined;
  if (proto === Object.prototype || proto === null) {
    const members = Object.keys(value).map((name) => `${JSON.stringify(name)}:${jsonArgument(value[name], `${path}.${name}`)}`);
    return `{${members.join(",")}}`;
  }
  throw argumentError(`${path} must be plain JSON data (strings, numbers, lists, objects), found ${describe(value)}.`, describe(value));
}

export function describe(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

// `options.now` as seconds: a Date, or a number of seconds (the core refuses a
// number that can only be milliseconds). `false` (and, for inspect, leaving it
// out) means "do not judge times": undefined.
export function nowArgument(now) {
  if (now === undefined || now === false) return undefined;
  const seconds = now instanceof Date ? now.getTime() / 1000 : now;
  if (typeof seconds !== "number" || !Number.isFinite(seconds)) {
    throw argumentError(
      "options.now must be a finite number of seconds since 1970 (a NumericDate), a Date, or false to skip the time checks.",
      describe(now),
    );
  }
  return seconds;
}

// A core error thrown across the wasm boundary: JSON text `{code, message,
// ...}` from the core's own serialization (KeyError: format, at; SignError:
// stage; an unknown word: found), or a plain sentence about an argument.
export function coreError(e, part = "input") {
  if (typeof e !== "string") return e;
  if (e.startsWith("{")) {
    const err = JSON.parse(e);
    // A bad argument is about the call, not the key text or token part being read.
    const argument = err.code === "invalid_argument";
    return new JwtlensError({
      code: err.code,
      part: argument ? "input" : part,
      // An SD-JWT disclosure's error says where it starts.
      offset: typeof err.at === "number" ? err.at : 0,
      end: typeof err.at === "number" ? err.at : 0,
      message: err.message,
      found: err.found,
      reason: err.reason,
      format: err.format,
      at: typeof err.at === "string" ? err.at : undefined,
      stage: err.stage,
    });
  }
  return argumentError(e, undefined);
}

export function callCore(fn, part) {
  try {
    return fn();
  } catch (e) {
    throw coreError(e, part);
  }
}

