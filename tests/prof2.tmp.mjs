import { SignJWT, generateKeyPair, exportJWK } from "jose";
globalThis.INSTANT = true;
const { createVerifier: jv, importKey } = await import("/tmp/ab/C/index.node.js");
const NOW = Math.floor(Date.now() / 1000);
const alg = process.argv[2] ?? "EdDSA";
const claims = { iss: "https://issuer.example", aud: "api", sub: "ada", scope: "read write", iat: NOW, nbf: NOW - 5, exp: NOW + 3600 };
let token, key;
if (alg === "HS256") { const s = "an-hmac-secret-that-is-32-bytes!"; token = await new SignJWT(claims).setProtectedHeader({ alg }).sign(new TextEncoder().encode(s)); key = importKey(s); }
else { const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true, crv: "Ed25519" }); token = await new SignJWT(claims).setProtectedHeader({ alg }).sign(privateKey); key = importKey(JSON.stringify(await exportJWK(publicKey))); }
const mine = jv({ key, policy: { algorithms: [alg], issuer: "https://issuer.example", audience: "api" } });
const t0 = performance.now(); let n = 0;
while (performance.now() - t0 < 5000) { for (let i = 0; i < 100; i++) mine(token); n += 100; }
console.log((performance.now() - t0) * 1000 / n);
