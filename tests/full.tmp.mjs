import { SignJWT } from "jose";
const pkgDir = process.env.PKG ?? "../crates/jwtlens-wasm/pkg/";
const { verify, importKey } = await import(pkgDir + "index.node.js");
const raw = await import(pkgDir + "jwtlens_wasm.js");
const NOW = 1700000000;
const secret = "an-hmac-secret-that-is-32-bytes!";
const token = await new SignJWT({ sub: "ada", scope: "read write", iat: NOW, exp: NOW + 3600 }).setProtectedHeader({ alg: "HS256" }).sign(new TextEncoder().encode(secret));
const key = importKey(secret);
const h = Object.getOwnPropertySymbols(key).map(s => key[s])[0];
const out = raw.verifyJson(token, h, NOW, "");
console.log("report JSON bytes", out.length);
const fns = { verify: () => verify(token, key, { now: NOW }), rawVerifyJson: () => raw.verifyJson(token, h, NOW, ""), parseOnly: () => JSON.parse(out), inspectJson: () => raw.inspectJson(token, NOW) };
const res = Object.fromEntries(Object.keys(fns).map(k => [k, []]));
for (let r = 0; r < 6; r++) for (const [k, f] of Object.entries(fns)) { const t = performance.now(); let n = 0; while (performance.now() - t < 200) { for (let i = 0; i < 100; i++) f(); n += 100; } res[k].push((performance.now() - t) / n * 1000); }
for (const [k, xs] of Object.entries(res)) { xs.sort((a,b)=>a-b); console.log(k.padEnd(14), "best", xs[0].toFixed(2), "us"); }
