import { SignJWT } from "jose";
const pkg = new URL("file:///work/main/crates/jwtlens-wasm/pkg/");
const { createVerifier: jv, importKey } = await import(new URL("index.node.js", pkg).href);
const NOW = Math.floor(Date.now() / 1000), ISS = "https://issuer.example", AUD = "api";
const claims = { iss: ISS, aud: AUD, sub: "ada", scope: "read write", iat: NOW, nbf: NOW - 5, exp: NOW + 3600 };
const secret = "an-hmac-secret-that-is-32-bytes!";
const alg = "HS256";
const token = await new SignJWT(claims).setProtectedHeader({ alg }).sign(new TextEncoder().encode(secret));
const mine = jv({ key: importKey(secret), policy: { algorithms: [alg], issuer: ISS, audience: AUD } });
const s = performance.now(); let n = 0;
while (performance.now() - s < 4000) { for (let i = 0; i < 200; i++) mine(token); n += 200; }
console.log((performance.now() - s) * 1000 / n, "µs");
