import { SignJWT, generateKeyPair, exportJWK, exportSPKI } from "jose";
import { createVerifier } from "fast-jwt";
const pkg = process.env.PKG ?? "/work/main/crates/jwtlens-wasm/pkg/";
const { createVerifier: jv, importKey } = await import(pkg + "index.node.js");
const NOW = Math.floor(Date.now() / 1000);
const ISS = "https://issuer.example", AUD = "api";
const alg = process.argv[2] ?? "EdDSA";
const claims = { iss: ISS, aud: AUD, sub: "ada", scope: "read write", iat: NOW, nbf: NOW - 5, exp: NOW + 3600 };
let token, jk, fk;
if (alg === "HS256") { const secret = "an-hmac-secret-that-is-32-bytes!"; token = await new SignJWT(claims).setProtectedHeader({ alg }).sign(new TextEncoder().encode(secret)); jk = importKey(secret); fk = secret; }
else { const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true, crv: alg === "EdDSA" ? "Ed25519" : undefined }); token = await new SignJWT(claims).setProtectedHeader({ alg }).sign(privateKey); jk = importKey(JSON.stringify(await exportJWK(publicKey))); fk = await exportSPKI(publicKey); }
const policy = { algorithms: [alg], issuer: ISS, audience: AUD };
const fast = createVerifier({ key: fk, algorithms: [alg], allowedIss: ISS, allowedAud: AUD });
const mine = jv({ key: jk, policy });
const peers = { jwtlens: () => { if (!mine(token).valid) throw 1; }, fast: () => fast(token) };
const res = { jwtlens: [], fast: [] };
const MS = Number(process.env.MS ?? 300), R = Number(process.env.R ?? 15);
for (let r = 0; r < R; r++) for (const [n, f] of Object.entries(peers)) { let k = 0; const t0 = performance.now(); let t; while ((t = performance.now()) - t0 < MS) { for (let i = 0; i < 50; i++) f(); k += 50; } res[n].push((t - t0) * 1000 / k); }
const min = (xs) => Math.min(...xs), med = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
console.log(alg, "µs best/median: jwtlens", min(res.jwtlens).toFixed(3), med(res.jwtlens).toFixed(3), "fast", min(res.fast).toFixed(3), med(res.fast).toFixed(3), "ratio best", (min(res.jwtlens) / min(res.fast)).toFixed(3), "median", (med(res.jwtlens) / med(res.fast)).toFixed(3));
