// `jwtlens/sign`: signing and key generation, with their own wasm.
import type { Algorithm, Json } from "./index.js";
export { JwtlensError } from "./index.js";
export type { Algorithm, SignErrorReason } from "./index.js";

/** Generate a key with the platform's cryptographic random source (RSA keys are 2048 bits). */
export function generateKey(alg: Algorithm): {
  alg: Algorithm;
  privateJwk: { [name: string]: string };
  publicJwk: { [name: string]: string };
  /** RFC 7638 thumbprint of the public key. */
  thumbprint: string;
};

/** Sign claims; `header.alg` chooses the algorithm. Throws JwtlensError (code "sign_error", `reason` a SignErrorReason) for an unusable key or claims. */
export function sign(header: { alg: Algorithm; [name: string]: Json }, claims: { [name: string]: Json }, key: string | object): string;

/** Issue an SD-JWT (RFC 9901) with the named claims selectively disclosable. */
export function issueSdJwt(
  alg: Algorithm,
  claims: { [name: string]: Json },
  options: { disclosable: string[]; decoys?: number; holderJwk?: { [name: string]: Json }; typ?: string },
  key: string | object,
): {
  sdJwt: string;
  disclosures: { span: { start: number; end: number }; text: string; salt: string; name: string | null; value: Json }[];
};

/** The holder's presentation: only the `keep` disclosures, and a Key Binding JWT when asked. */
export function presentSdJwt(
  issued: string,
  keep: string[],
  options?: { keyBinding?: { key: string | object; alg: Algorithm; nonce: string; audience: string; now?: number | Date } },
): string;

/** Encrypt into a compact JWE for a JWK (oct, or a public RSA/EC/X25519 key) or `{ password }` (PBES2). */
export function encrypt(
  plaintext: string | Uint8Array,
  key: string | object | { password: string },
  options: { alg: string; enc: string; zip?: boolean; cty?: string; kid?: string; p2c?: number },
): string;

/** Decrypt a JWE with a private JWK or `{ password }` (PBES2). A cryptographic failure is one JwtlensError, code "decryption". */
export function decrypt(
  text: string,
  key: string | object | { password: string },
): {
  header: { [name: string]: Json };
  alg: string;
  enc: string;
  steps: string[];
  findings: string[];
  nested: boolean;
  plaintext: string | null;
  plaintextBase64url: string;
};

/** The version of the jwtlens core inside this module. */
export function version(): string;
