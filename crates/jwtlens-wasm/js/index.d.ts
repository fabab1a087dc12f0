// Types of the jwtlens npm package. The Report shape is the one the core
// serializes (crates/jwtlens/src/report.rs) and `jwtlens inspect --json` prints.

/** Any JSON value, members in source order. */
export type Json = null | boolean | number | string | Json[] | { [name: string]: Json };

/** The part of the input a diagnostic points at. */
export type Part =
  | "input" | "header" | "payload" | "signature"
  | "encrypted_key" | "iv" | "ciphertext" | "tag" | "extra";

/** Stable diagnostic codes (see the README's table). */
export type Code =
  | "empty" | "wrong_segment_count" | "bad_base64url" | "header_not_json" | "header_not_object"
  | "payload_not_json" | "payload_not_object" | "missing_alg" | "bad_header_parameter" | "bad_claim"
  | "too_large" | "too_complex"
  | "whitespace_trimmed" | "bearer_prefix_stripped" | "quotes_stripped" | "base64_padding"
  | "base64_standard_alphabet" | "non_canonical_base64url" | "duplicate_member" | "encrypted"
  | "nested_jwt" | "unsecured" | "unsecured_with_signature" | "signature_missing"
  | "unencoded_payload" | "unknown_algorithm" | "sd_jwt";

/** A located error or notice. Offsets are UTF-8 byte offsets into the input as given. */
export interface Diagnostic {
  code: Code;
  part: Part;
  offset: number;
  end: number;
  /** For problems inside a decoded header or payload: the byte within the decoded JSON. */
  decodedOffset?: number;
  expected?: string;
  found?: string;
  message: string;
}

export interface Span { start: number; end: number }

export interface Segment { part: Part; start: number; end: number }

export interface Registered { name: string; title: string; explanation: string; rfc: string }

export interface Member {
  name: string;
  value: Json;
  /** The base64url characters in the input that hold this member. */
  span: Span;
  registered: Registered | null;
  /** A reading of the value: a date for exp/nbf/iat, the meaning of an alg. */
  note: string | null;
  /** The name occurs more than once; the last occurrence counts. */
  duplicate: boolean;
}

export interface PartReport {
  encoding: "json" | "text" | "binary";
  bytes: number;
  /** Decoded text, or hex for binary. */
  text: string;
  json: Json | null;
  members: Member[];
}

export interface Claims {
  iss?: string;
  sub?: string;
  /** Always a list: a single-string aud becomes a one-element list. */
  aud?: string[];
  exp?: number;
  nbf?: number;
  iat?: number;
  jti?: string;
}

export interface Moment {
  value: number;
  iso: string | null;
  /** value - now, in seconds. */
  delta: number | null;
  /** e.g. "expires in 57 min", "expired 3 h ago". */
  relative: string | null;
}

export interface TimeReport {
  now: number | null;
  nowIso: string | null;
  exp: Moment | null;
  nbf: Moment | null;
  iat: Moment | null;
  lifetime: number | null;
  lifetimeText: string | null;
  status: "unchecked" | "valid" | "expired" | "not_yet_valid";
  issuedInFuture: boolean;
  summary: string;
}

export type KeyType = "oct" | "rsa" | "p256" | "p384" | "p521" | "secp256k1" | "ed25519";

export type VerifyError =
  | { code: "unsecured" }
  | { code: "key_mismatch"; alg: string; key: KeyType }
  | { code: "key_too_short"; bits: number; min: number }
  | { code: "signature_length"; expected: number; found: number }
  | { code: "scalar_out_of_range" }
  | { code: "roca_key" }
  | { code: "public_key_as_secret"; key: string }
  | { code: "invalid_signature" }
  /** Not checked: the platform's crypto gave no answer (in browsers, Deno and Workers, call the *Async functions). */
  | { code: "platform_required"; alg: string };

export interface Verification {
  status: "verified" | "invalid" | "no_key" | "no_usable_key" | "unsecured" | "unverifiable" | "unchecked";
  alg: string | null;
  /** The key that verified the token. */
  key: string | null;
  error: VerifyError | null;
  /** Every offered key and why it was or was not tried. */
  candidates: { index: number; key: string; kid: string | null; tried: boolean; reason: string }[];
  message: string;
}

/** Everything jwtlens found in one input. */
export interface Report {
  jwtlens: string;
  kind: "jws" | "jwe" | "unknown";
  token: Span;
  segments: Segment[];
  algorithm: { name: string; description: string | null } | null;
  header: PartReport | null;
  payload: PartReport | null;
  claims: Claims | null;
  signature: { bytes: number; hex: string } | null;
  time: TimeReport | null;
  /** The signature verdict ("no_key" from inspect, which is given no key). */
  verification: Verification;
  /** Security findings, most severe first. */
  findings: Finding[];
  /** The policy's checks (with a key and no policy, the default policy's; empty when neither was given). */
  checks: Check[];
  /**
   * Signature, structure, times and policy together: what a verdict banner shows.
   * "valid" only when the signature verified with a key you gave, the header and
   * payload are JSON objects read completely (no duplicate names, registered
   * claims of the right types, crit understood), exp/nbf were judged against a
   * clock (or you passed `now: false`), and every policy check passed.
   * "nested": a cty "JWT" token, never valid on its own.
   */
  verdict: {
    status: "valid" | "invalid_signature" | "no_key" | "claims_fail" | "unsecured" | "nested" | "malformed" | "unchecked";
    message: string;
  };
  errors: Diagnostic[];
  notices: Diagnostic[];
}

export interface InspectOptions {
  /**
   * The current time: seconds since 1970 (may be fractional) or a Date; a number
   * that can only be milliseconds (over 1e11) is refused. `inspect`: omit (or
   * false) to leave times unjudged. `verify`/`verifyFast`: omitted means the
   * platform clock; `false` skips the time checks explicitly, and the verdict says so.
   */
  now?: number | Date | false;
}

/** Decode and explain a token without verifying it. Never throws for bad tokens: read `errors`. */
export function inspect(token: string, options?: InspectOptions): Report;

export interface Decoded {
  header: { [name: string]: Json };
  payload: Json;
  /** The signature as base64url. */
  signature: string;
}

/** Decode a JWS without verifying it; throws a JwtlensError at the first problem. */
export function decode(token: string): Decoded;

/**
 * Thrown by `decode`, by every function given an argument of the wrong type (code "invalid_argument"),
 * a key that cannot be imported ("bad_key"), a policy that cannot be used ("bad_policy", with `reason`).
 */
export class JwtlensError extends Error {
  readonly name: "JwtlensError";
  readonly code: Code | "invalid_argument" | "not_initialized" | "bad_key" | "bad_policy" | "sign_error";
  /**
   * What exactly is wrong, a stable word: for "bad_policy" a PolicyErrorReason, for "bad_key"
   * a KeyErrorReason, for "sign_error" a SignErrorReason (the message is the sentence).
   */
  readonly reason?: PolicyErrorReason | KeyErrorReason | SignErrorReason;
  /** Where: a part of the token, or "key" for key text that cannot be imported. */
  readonly part: Part | "key";
  readonly offset: number;
  readonly end: number;
  readonly decodedOffset?: number;
  /** What the token's structure wanted where it was refused (a part's error). */
  readonly expected?: string;
  /** What was there instead; for "invalid_argument", the word or value given. */
  readonly found?: string;
  /** "bad_key": what the key text was read as. */
  readonly format?: KeySource;
  /** "bad_key": where in it, when the problem has a place (a JWK member such as "keys[1].x", a PEM label). */
  readonly at?: string;
  /** "sign_error": the stage that failed. */
  readonly stage?: "header" | "claims" | "key" | "sign";
}

/** Why a policy cannot be used (`JwtlensError.reason` with code "bad_policy"). */
export type PolicyErrorReason =
  | "not_an_object" | "unknown" | "synonym" | "duplicate" | "time_in_policy" | "null" | "empty_list"
  | "wrong_type" | "unknown_algorithm" | "not_a_number" | "not_finite" | "negative" | "too_long";

/** Why key text could not be imported (`JwtlensError.reason` with code "bad_key"). */
export type KeyErrorReason =
  | "not_key_text" | "unreadable_key_text" | "key_material_as_secret" | "openssh" | "not_pem" | "private_key"
  | "unsupported_label" | "not_structure" | "unknown_der" | "unreadable_key" | "no_named_curve"
  | "unsupported_curve" | "unsupported_algorithm" | "unsupported_key_type" | "rsa_too_large" | "even_modulus"
  | "bad_exponent" | "exponent_too_large" | "exponent_above_limit" | "empty_secret" | "bad_encoding" | "not_json"
  | "not_object" | "duplicate_member" | "no_keys" | "keys_not_array" | "not_string" | "missing" | "not_base64url"
  | "not_strict_base64url" | "wrong_length" | "not_on_curve" | "not_ed25519_point" | "key_ops_not_array";

/** Why a token could not be signed or a key made or read (`JwtlensError.reason` with code "sign_error"). */
export type SignErrorReason =
  | "not_json" | "not_object" | "unsecured" | "empty_key" | "not_pem" | "not_private_label" | "not_structure"
  | "missing_member" | "not_base64url" | "wrong_length" | "bad_jwk" | "unsupported_jwk" | "bad_public_half"
  | "key_mismatch" | "secret_too_short" | "rsa_too_short" | "crypto";

/** What was being read when a key could not be imported. */
export type KeySource =
  | "key" | "jwk" | "jwk_set" | "pem" | "der" | "spki" | "certificate" | "rsa_key"
  | "open_ssh" | "secret" | "base64_secret" | "hex_secret";

/** A key or JWK Set imported once, to verify many tokens. */
export class JwtlensKey {
  private constructor();
  readonly detected: "jwk" | "pem" | "der" | "secret";
  /** Each key; `jwk` is the public key as a JWK (never given for secrets). */
  readonly keys: { type: KeyType; bits: number; kid: string | null; alg: string | null; description: string; thumbprint: string; jwk?: Record<string, string> }[];
  /** Keys of a set that could not be read: what was being read, where, and why. */
  readonly skipped: { code: "bad_key"; format: KeySource; at: string | null; reason: KeyErrorReason; message: string }[];
  /**
   * Who does the last arithmetic step of RSA, ECDSA and EdDSA checks (the package's wasm
   * has none of its own): "platform" (Node's OpenSSL, synchronous, the default in Node
   * and Bun) or "webcrypto" (the platform's WebCrypto, asynchronous: use the *Async
   * functions; the default in browsers, Deno and Workers, where the synchronous
   * functions report such signatures as "unchecked"). Every decision — key choice,
   * sizes, lengths, ranges, weak keys — is the core's either way. HMAC is always the core's.
   */
  readonly arithmetic: "platform" | "webcrypto";
}

export interface ImportKeyOptions {
  /**
   * Default "auto": a PEM block, JWK / JWK Set or base64 DER key, whatever wraps it
   * (BOM, CRLF, quotes, \n escapes, openssl preamble); text that looks like key
   * material but cannot be read is an error, never a secret; only text with no sign
   * of key material is a UTF-8 secret. "secret" says so explicitly.
   */
  format?: "auto" | "jwk" | "pem" | "secret";
  /** Secrets only; giving an encoding alone implies format "secret". Default "utf8". */
  encoding?: "utf8" | "base64" | "base64url" | "hex";
  /** "platform" (default: Node's OpenSSL where available, else WebCrypto) or "webcrypto". */
  arithmetic?: "platform" | "webcrypto";
}

/** The outcome of `verifySignature`. */
export interface SignatureCheck {
  valid: boolean;
  /** Why not: `code` is unsecured, key_mismatch, key_too_short, signature_length, scalar_out_of_range, roca_key, public_key_as_secret, invalid_signature or platform_required (not checked: use verifySignatureAsync). */
  error: { code: string; [detail: string]: unknown } | null;
  message: string;
}

/**
 * The raw signature check a token's verification ends with, over any bytes
 * (detached payloads, conformance data), with one key.
 */
export function verifySignature(alg: string, key: JwtlensKey | string, data: Uint8Array | string, signature: Uint8Array): SignatureCheck;

/** `verifySignature` with RSA, ECDSA and EdDSA checked by WebCrypto where there is no synchronous platform crypto. */
export function verifySignatureAsync(alg: string, key: JwtlensKey | string, data: Uint8Array | string, signature: Uint8Array): Promise<SignatureCheck>;

/** Import a verification key; throws JwtlensError (code "bad_key") saying which member or line is wrong. */
export function importKey(text: string, options?: ImportKeyOptions): JwtlensKey;

/** The verdict of `verify` without the rest of the report: what `verifyFast` and a verifier return. */
export interface FastVerdict {
  valid: boolean;
  status: Report["verdict"]["status"];
  message: string;
  /** The header when the token is valid, else null. */
  header: { [name: string]: Json } | null;
  /** The claims when the token is valid, else null (read a refused token with inspect or verify). */
  payload: { [name: string]: Json } | null;
}

/** The verdict of `verify` without the rest of the report, for hot paths. */
export function verifyFast(token: string, key: JwtlensKey | string, options?: VerifyOptions): FastVerdict;

/** `verifyFast` with WebCrypto where needed (see `verifyAsync`). */
export function verifyFastAsync(token: string, key: JwtlensKey | string, options?: VerifyOptions): Promise<FastVerdict>;

/**
 * A verifier made once (key and policy read and checked here) and called for every token;
 * `verifyAsync` is the same with WebCrypto where needed (see `verifyAsync`).
 */
export interface Verifier {
  (token: string, options?: { now?: number | Date | false }): FastVerdict;
  verifyAsync(token: string, options?: { now?: number | Date | false }): Promise<FastVerdict>;
}

/**
 * Make a verifier, as a server keeps one: `createVerifier({ key, policy })(token)`.
 * Each call judges times against the platform clock unless `now` is given;
 * `now: false` skips the time checks.
 */
export function createVerifier(options: { key: JwtlensKey | string; policy?: Policy }): Verifier;

/** What a token must satisfy besides its signature. Every check is reported in `report.checks`. */
export interface Policy {
  /** Allowed algorithms; empty or absent: any the key can verify. */
  algorithms?: string[];
  issuer?: string | string[];
  /** The token's aud must include one of these. */
  audience?: string | string[];
  subject?: string;
  /** Required typ header, e.g. "JWT" or "at+jwt" (case-insensitive, "application/" optional). */
  typ?: string;
  /** Claims that must be present. */
  required?: string[];
  /** Maximum age since iat, in seconds. */
  maxAge?: number;
  /** Clock-skew allowance in seconds, 0 to 600; default 60. */
  leeway?: number;
}

export interface Finding {
  code:
    | "alg_none" | "key_confusion" | "weak_secret" | "short_hmac_key" | "weak_rsa_key"
    | "jku_header" | "x5u_header" | "jwk_header" | "x5c_header" | "suspicious_kid" | "unknown_crit"
    | "unencoded_payload" | "duplicate_member" | "non_canonical_base64url" | "ecdsa_zero_scalar"
    | "missing_exp" | "long_lifetime" | "iat_in_future" | "expired" | "not_yet_valid" | "sensitive_claim" | "encrypted";
  severity: "critical" | "high" | "medium" | "low" | "info";
  part: Part;
  offset: number;
  end: number;
  message: string;
}

export interface Check {
  name: "alg" | "typ" | "iss" | "aud" | "sub" | "required" | "exp" | "nbf" | "iat" | "max_age";
  outcome: "passed" | "failed" | "skipped";
  expected: string | null;
  actual: string | null;
  message: string;
}

/** Only `now` and `policy`: other names (jose's `issuer`, `clockTolerance`, ...) throw a JwtlensError naming the right place. */
export interface VerifyOptions extends InspectOptions {
  policy?: Policy;
}

/** Inspect a token, verify its signature and check its claims; read `report.verdict`. */
export function verify(token: string, key: JwtlensKey | string, options?: VerifyOptions): Report;

/**
 * `verify`, with RSA, ECDSA and EdDSA checked by the platform's WebCrypto where there is
 * no synchronous platform crypto (browsers, Deno, Workers); in Node and Bun it resolves
 * to what `verify` returns. Code that runs anywhere uses it. Argument errors reject.
 */
export function verifyAsync(token: string, key: JwtlensKey | string, options?: VerifyOptions): Promise<Report>;

export type Algorithm =
  | "HS256" | "HS384" | "HS512" | "RS256" | "RS384" | "RS512" | "PS256" | "PS384" | "PS512"
  | "ES256" | "ES384" | "ES512" | "ES256K" | "EdDSA";

/** The version of the jwtlens core inside this package. */
export function version(): string;
