import { SignJWT } from "jose";
import { createVerifier } from "fast-jwt";
const pkg = new URL("file:///work/main/crates/jwtlens-wasm/pkg/");
const { createVerifier: jv, importKey, decode } = await import(new URL("index.node.js", pkg).href);
const NOW = Math.floor(Date.now() / 1000), ISS = "https://issuer.example", AUD = "api";
const claims = { iss: ISS, aud: AUD, sub: "ada", scope: "read write", iat: NOW, nbf: NOW - 5, exp: NOW + 3600 };
const secret = "an-hmac-secret-that-is-32-bytes!";
const out = {};
for (const alg of ["HS256", "HS512"]) {
const token = await new SignJWT(claims).setProtectedHeader({ alg }).sign(new TextEncoder().encode(secret));
const fast = createVerifier({ key: secret, algorithms: [alg], allowedIss: ISS, allowedAud: AUD });
const mine = jv({ key: importKey(secret), policy: { algorithms: [alg], issuer: ISS, audience: AUD } });
function round(fn) { let n = 0; const s = performance.now(); while (performance.now() - s < 300) { for (let i = 0; i < 200; i++) fn(); n += 200; } return (performance.now() - s) * 1000 / n; }
round(() => mine(token)); round(() => fast(token)); round(() => decode(token));
const a = [], b = [], c = [];
for (let r = 0; r < 9; r++) { a.push(round(() => mine(token))); b.push(round(() => fast(token))); if (alg==="HS256") c.push(round(() => decode(token))); }
const m = (x) => Math.min(...x);
console.log(`${alg} jwtlens ${m(a).toFixed(2)} µs fast-jwt ${m(b).toFixed(2)} µs ratio ${(m(a) / m(b)).toFixed(2)}` + (c.length ? ` decode ${m(c).toFixed(2)} µs` : ""));
}
