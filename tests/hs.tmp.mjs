import { SignJWT } from "jose";
import { createVerifier } from "fast-jwt";
import jsonwebtoken from "jsonwebtoken";
const pkgDir = process.env.PKG ?? "../crates/jwtlens-wasm/pkg/";
const { verifyFast, importKey } = await import(pkgDir + "index.node.js");
const NOW = Math.floor(Date.now()/1000);
const secret = "an-hmac-secret-that-is-32-bytes!";
const token = await new SignJWT({ sub: "ada", scope: "read write", iat: NOW, exp: NOW + 3600 }).setProtectedHeader({ alg: "HS256" }).sign(new TextEncoder().encode(secret));
const key = importKey(secret);
const fast = createVerifier({ key: secret, algorithms: ["HS256"] });
const fns = { jwtlens: () => verifyFast(token, key, { now: NOW }), fastjwt: () => fast(token), jsonwebtoken: () => jsonwebtoken.verify(token, secret, { algorithms: ["HS256"] }) };
const res = { jwtlens: [], fastjwt: [], jsonwebtoken: [] };
for (let r = 0; r < 12; r++) for (const [k, f] of Object.entries(fns)) { const t = performance.now(); let n = 0; while (performance.now() - t < 300) { for (let i = 0; i < 500; i++) f(); n += 500; } res[k].push(n / (performance.now() - t) * 1000); }
for (const [k, xs] of Object.entries(res)) { xs.sort((a,b)=>a-b); console.log(k.padEnd(14), "best", Math.round(xs.at(-1)), "median", Math.round(xs[6])); }
