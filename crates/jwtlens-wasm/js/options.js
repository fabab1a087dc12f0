// The argument conversions the verifying modules share (`jwtlens` and
// `jwtlens/sd-jwt`): option names, the clock, the policy. Not part of the public API.
import { argumentError, describe, jsonArgument, nowArgument } from "./common.js";

export function tokenArgument(token) {
  if (typeof token !== "string") {
    throw argumentError(`The token must be a string, but a ${describe(token)} was given.`, describe(token));
  }
  return token;
}

// For verify and verifyFast: the platform clock unless a time is given or
// `now: false` asks, explicitly, for the time checks to be skipped.
export function verifyNowArgument(now) {
  if (now === undefined) return Date.now() / 1000;
  const seconds = nowArgument(now);
  if (seconds !== undefined && seconds < EARLIEST_NOW) {
    // 0, a small count or performance.now() would make every expired token valid.
    throw argumentError(
      `options.now is ${seconds}, before 2001-09-09: not the current time (performance.now() is not a clock). Give seconds since 1970, a Date, or false to skip the time checks.`,
      String(now),
    );
  }
  return seconds;
}
const EARLIEST_NOW = 1e9;

// Where an option a jose, jsonwebtoken or fast-jwt user writes goes in
// jwtlens ("options.policy.issuer", "options.now"), or undefined: the core
// knows the names (`optionPlace`, jwtlens::policy::place_of), given by the
// module that asks.
export function placement(optionPlace) {
  return (name) => {
    const place = optionPlace(name);
    return place === undefined ? undefined : `options.${place}`;
  };
}

// An option's value only when the caller set it on the object itself: a polluted
// Object.prototype (say `Object.prototype.now = false`) must not change a verdict.
export function own(options, name) {
  return options !== null && typeof options === "object" && Object.hasOwn(options, name) ? options[name] : undefined;
}

// Refuse option names a function does not take, so a typo is never silently ignored.
// Only the names in `names`. `hint(name)`, when given, says where a name another
// library uses (or a misplaced one) goes in jwtlens.
export function knownOptions(options, names, what, hint = () => undefined) {
  if (options === undefined || options === null) return {};
  if (typeof options !== "object" || Array.isArray(options)) throw argumentError(`${what} options must be an object.`, describe(options));
  for (const name of Object.keys(options)) {
    if (names.includes(name)) continue;
    const right = hint(name);
    throw argumentError(
      right
        ? `options.${name} is not an option of ${what}: use ${right}.`
        : `options.${name} is not an option of ${what} (the options are ${names.join(", ")}).`,
      name,
    );
  }
  return options;
}

// The policy as JSON text for the core, which owns its contract (names,
// types, empty lists, durations: jwtlens::policy::Policy::from_json). Only
// plain data crosses: own properties, no getters' side effects, no toJSON
// (a polluted prototype must not change a policy), and numbers JSON can hold
// (JSON.stringify would turn NaN into null).
export function policyArgument(policy) {
  if (policy === undefined) return "";
  if (policy === null || typeof policy !== "object" || Array.isArray(policy)) {
    throw argumentError("options.policy must be an object.", describe(policy));
  }
  return jsonArgument(policy, "options.policy");
}
