// `jwtlens/sign`: signing and key generation, with their own wasm.
import type { Algorithm, Json } from "./index.js";
export { JwtlensError } from "./index.js";
export type { Algorithm } from "./index.js";

/** Generate a key with the platform's cryptographic random source (RSA keys are 2048 bits). */
export function generateKey(alg: Algorithm): {
  alg: Algorithm;
  privateJwk: { [name: string]: string };
  publicJwk: { [name: string]: string };
  /** RFC 7638 thumbprint of the public key. */
  thumbprint: string;
};

/** Sign claims; `header.alg` chooses the algorithm. Throws JwtlensError (code "sign_error") for an unusable key. */
export function sign(header: { alg: Algorithm; [name: string]: Json }, claims: { [name: string]: Json }, key: string | object): string;

/** The version of the jwtlens core inside this module. */
export function version(): string;
