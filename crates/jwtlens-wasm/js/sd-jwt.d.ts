// `jwtlens/sd-jwt`: SD-JWT verification (RFC 9901), with its own wasm.
import type { ImportKeyOptions, Json, JwtlensKey, Policy, Report } from "./index.js";
export { JwtlensError, JwtlensKey } from "./index.js";
export type { ImportKeyOptions, Json, Policy } from "./index.js";

type VerdictStatus = Report["verdict"]["status"];

/** Import the issuer's key in this module; a JwtlensKey from `jwtlens` or from here is accepted by both. */
export function importKey(text: string, options?: ImportKeyOptions): JwtlensKey;

/** What the verifier expects of an SD-JWT's Key Binding JWT (RFC 9901 §7.3). */
export interface KeyBindingOptions {
  /** Refuse a presentation without a Key Binding JWT. */
  required?: boolean;
  /** Refuse any Key Binding JWT (a holder checking an issuance, §7.2). */
  forbidden?: boolean;
  /** The nonce this verifier gave; the KB-JWT must carry it. */
  nonce?: string;
  /** This verifier's identifier; the KB-JWT's aud must be it. */
  audience?: string;
  /** The KB-JWT's maximum age since iat, seconds (default 300). */
  maxAge?: number;
}

/** One disclosure: the base64url text as received, and what it says. */
export interface Disclosure {
  span: { start: number; end: number };
  text: string;
  salt: string;
  /** The claim name; null for an array element. */
  name: string | null;
  value: Json;
}

/** The payload with the disclosures in place (§7.1). */
export interface ProcessedSdJwt {
  sdAlg: "sha-256" | "sha-384" | "sha-512";
  payload: { [claim: string]: Json };
  /** Every claim and array element, by JSON Pointer, and whether a disclosure revealed it. */
  claims: { pointer: string; disclosed: boolean }[];
  /** Digests no disclosure revealed: withheld claims or decoys, which cannot be told apart. */
  undisclosedDigests: number;
  /** For each disclosure, where it was placed (a JSON Pointer). */
  placedAt: string[];
}

export interface SdJwtError {
  code: "format" | "disclosure" | "sd_alg" | "issuer" | "processing" | "key_binding";
  message: string;
  /** Where the disclosure starts, for code "disclosure". */
  at?: number;
}

export interface SdJwtReport {
  /** "valid" only when the issuer's signature and claims, every disclosure and the key binding passed. */
  status: "valid" | "invalid" | "malformed";
  message: string;
  error: SdJwtError | null;
  form: "sd_jwt" | "sd_jwt_kb" | null;
  disclosures: (Disclosure & { digest: string; placedAt: string | null })[];
  issuer: { status: VerdictStatus; message: string } | null;
  processed: ProcessedSdJwt | null;
  keyBinding: { verdict: { status: VerdictStatus; message: string }; key: string | null; sdHash: string } | null;
  findings: string[];
}

/** Verify an SD-JWT (RFC 9901): issuer signature and policy, disclosures, key binding. */
export function verifySdJwt(
  text: string,
  key: JwtlensKey | string,
  options?: { now?: number | Date; policy?: Policy; keyBinding?: KeyBindingOptions },
): SdJwtReport;

/** `verifySdJwt` with WebCrypto where needed (see `verifyAsync`), the holder's cnf key included. */
export function verifySdJwtAsync(
  text: string,
  key: JwtlensKey | string,
  options?: { now?: number | Date; policy?: Policy; keyBinding?: KeyBindingOptions },
): Promise<SdJwtReport>;

/** Read an SD-JWT and place its disclosures, verifying nothing. Throws a JwtlensError when it is not an SD-JWT. */
export function decodeSdJwt(text: string): {
  verified: false;
  form: "sd_jwt" | "sd_jwt_kb";
  disclosures: Disclosure[];
  kbJwt: string | null;
  processed: ProcessedSdJwt | null;
  error: SdJwtError | null;
};

/** The version of the jwtlens core inside this module. */
export function version(): string;
