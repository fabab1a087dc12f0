import { createRequire, syncBuiltinESMExports } from "node:module";
const require = createRequire(import.meta.url);
const crypto = require("crypto");
const real = crypto.verify;
globalThis.INSTANT = false;
crypto.verify = function (...a) { return globalThis.INSTANT ? true : real.apply(this, a); };
syncBuiltinESMExports();
const { SignJWT, generateKeyPair, exportJWK, exportSPKI } = await import("jose");
const { createVerifier } = await import("fast-jwt");
const dirs = (process.env.DIRS ?? "A").split(",");
const mods = {}; for (const d of dirs) mods[d] = await import(`/tmp/ab/${d}/index.node.js`);
const NOW = Math.floor(Date.now() / 1000);
const ISS = "https://issuer.example", AUD = "api";
const alg = process.argv[2] ?? "EdDSA";
const claims = { iss: ISS, aud: AUD, sub: "ada", scope: "read write", iat: NOW, nbf: NOW - 5, exp: NOW + 3600 };
const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true, crv: alg === "EdDSA" ? "Ed25519" : undefined });
const token = await new SignJWT(claims).setProtectedHeader({ alg }).sign(privateKey);
const keyText = JSON.stringify(await exportJWK(publicKey)); const fk = await exportSPKI(publicKey);
const policy = { algorithms: [alg], issuer: ISS, audience: AUD };
const fast = createVerifier({ key: fk, algorithms: [alg], allowedIss: ISS, allowedAud: AUD });
const peers = { fast: () => fast(token) };
for (const d of dirs) { const v = mods[d].createVerifier({ key: mods[d].importKey(keyText), policy }); peers[d] = () => { if (!v(token).valid) throw new Error(d); }; }
for (const f of Object.values(peers)) f();
globalThis.INSTANT = true;
const res = Object.fromEntries(Object.keys(peers).map((k) => [k, []]));
const MS = Number(process.env.MS ?? 200), R = Number(process.env.R ?? 15);
for (let r = 0; r < R; r++) for (const [n, f] of Object.entries(peers)) { let k = 0; const t0 = performance.now(); let t; while ((t = performance.now()) - t0 < MS) { for (let i = 0; i < 50; i++) f(); k += 50; } res[n].push((t - t0) * 1000 / k); }
const min = (xs) => Math.min(...xs), med = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
console.log(alg, "instant", Object.entries(res).map(([n, xs]) => `${n} ${min(xs).toFixed(3)}/${med(xs).toFixed(3)} (${(min(xs) / min(res.fast)).toFixed(3)}, ${(med(xs) / med(res.fast)).toFixed(3)})`).join("  "));
