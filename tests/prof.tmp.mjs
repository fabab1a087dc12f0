import { SignJWT, generateKeyPair, exportJWK } from "jose";
const { createVerifier: jv, importKey } = await import("/work/main/crates/jwtlens-wasm/pkg/index.node.js");
const NOW = Math.floor(Date.now() / 1000);
const alg = process.argv[2] ?? "EdDSA";
const claims = { iss: "https://issuer.example", aud: "api", sub: "ada", scope: "read write", iat: NOW, nbf: NOW - 5, exp: NOW + 3600 };
const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true, crv: "Ed25519" });
const token = await new SignJWT(claims).setProtectedHeader({ alg }).sign(privateKey);
const mine = jv({ key: importKey(JSON.stringify(await exportJWK(publicKey))), policy: { algorithms: [alg], issuer: "https://issuer.example", audience: "api" } });
const t0 = performance.now(); let n = 0;
while (performance.now() - t0 < 4000) { for (let i = 0; i < 100; i++) mine(token); n += 100; }
console.log((performance.now() - t0) * 1000 / n);
