import { SignJWT } from "jose";
const { verifyFast, importKey } = await import("/tmp/pkgprof/index.node.js");
const NOW = 1700000000;
const secret = "an-hmac-secret-that-is-32-bytes!";
const token = await new SignJWT({ sub: "ada", scope: "read write", iat: NOW, exp: NOW + 3600 }).setProtectedHeader({ alg: "HS256" }).sign(new TextEncoder().encode(secret));
const key = importKey(secret);
console.log(token.length, token);
const t = performance.now(); let n = 0;
while (performance.now() - t < 4000) { for (let i = 0; i < 1000; i++) verifyFast(token, key, { now: NOW }); n += 1000; }
console.log(n / 4, "/s");
