// ES256K (ECDSA on secp256k1, RFC 8812) where the platform has no secp256k1:
// WebCrypto (browsers, Deno, Workers) and Bun's BoringSSL. Its arithmetic is
// a small wasm of its own (crates/jwtlens-wasm-es256k), instantiated the first
// time such a signature is checked and never for another algorithm, so the
// JWT and SD-JWT modules carry no secp256k1. Not part of the public API.
//
// The core has made every decision before it asks (key, algorithm, sizes,
// ranges); this is only the last step. An entry says where the wasm is
// (setEs256kSource): Node and Bun read the file beside it synchronously, Deno
// and workerd import it as a module, browsers and the /init entries fetch it
// beside the module, with no token in the request. A module that cannot be
// had leaves ES256K "not checked" (-1), never valid.
import initWasm, { initSync, verifyEs256k } from "./jwtlens_es256k.js";
import { base64urlBytes as bytes, sideModule } from "./side.js";

const side = sideModule(initSync, initWasm);

/**
 * Where the ES256K wasm is, set once by the first entry loaded.
 * @param {{ sync: () => BufferSource | WebAssembly.Module } | { url: URL }} where
 */
export const setEs256kSource = side.setSource;

/** The verifier, when it can be had without waiting (Node, Bun, Deno, workerd), else null. */
export function es256kNow() {
  return side.now() ? verifyEs256k : null;
}

/** The verifier, fetching the wasm if it must (browsers); null if it cannot be had. */
export async function es256kLater() {
  return (await side.later()) ? verifyEs256k : null;
}

/**
 * 1, 0 or -1 (not checked) for an ES256K signature by the public JWK `jwk`
 * (RFC 8812 §3.1: kty "EC", crv "secp256k1"), with the verifier `verify`.
 * @param {Function | null} verify from es256kNow or es256kLater
 */
export function es256k(verify, jwk, data, sig) {
  if (verify === null || jwk === null || typeof jwk !== "object" || jwk.kty !== "EC" || jwk.crv !== "secp256k1") return -1;
  const x = bytes(jwk.x);
  const y = bytes(jwk.y);
  if (x === null || y === null || x.length !== 32 || y.length !== 32) return -1;
  const point = new Uint8Array(65);
  point[0] = 4;
  point.set(x, 1);
  point.set(y, 33);
  try {
    const r = verify(point, data, sig);
    return r === 1 ? 1 : r === 0 ? 0 : -1;
  } catch {
    return -1;
  }
}
