// The TypeScript declarations against what the package really returns: real
// outputs of every function, for tokens and inputs that reach every branch,
// are written into a .ts file as object literals typed with the declared
// types, and `tsc --strict` must accept them. An object literal gets excess
// property checks, so a field the runtime has and the .d.ts lacks fails, and
// so does a required field the runtime leaves out, or a value of another type.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { createHmac, generateKeyPairSync } from "node:crypto";
import { installed, typecheck } from "./install.mjs";
const NOW = 1_795_000_000;
const b64 = (x) => Buffer.from(typeof x === "string" ? x : JSON.stringify(x)).toString("base64url");
const SECRET = "a-secret-of-at-least-thirty-two-bytes";
const hs256 = (header, payload) => {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${createHmac("sha256", SECRET).update(input).digest("base64url")}`;
};

test("the .d.ts declarations match the runtime output of every function", async () => {
  const jwt = await installed();
  const signing = await installed("sign");
  const sdJwt = await installed("sd-jwt");
  const cookies = await installed("cookies");
  const flows = await installed("flows");
  const { publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const pem = publicKey.export({ type: "spki", format: "pem" });

  const sd = (f) => readFileSync(join(dirname(fileURLToPath(import.meta.url)), "../vectors/sd-jwt", f), "utf8");
  const sdPresentation = sd("rfc9901/simple/presentation.txt");
  const sdIssuance = sd("rfc9901/simple/issuance.txt");
  const sdIssuerKey = sdJwt.importKey(sd("keys/issuer.public.jwk.json"));
  const SD_NOW = 1_748_537_243;
  const tokens = [
    hs256({ alg: "HS256", typ: "JWT", kid: "k1" }, { iss: "https://issuer.example", aud: ["api"], sub: "ada", iat: NOW - 60, nbf: NOW - 60, exp: NOW + 600, jti: "1", custom: { a: [1, null, true] } }),
    hs256({ alg: "HS256" }, { exp: NOW - 600 }),
    hs256({ alg: "HS256", crit: ["exp"] }, { sub: 1 }),
    hs256({ alg: "HS256", cty: "JWT" }, { a: 1 }),
    "eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.",
    "eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.a.b.c.d",
    "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig nature",
    "Bearer x.y",
    "",
    `${b64({ alg: "HS256", alg2: 1 })}.${b64('{"a":1,"a":2}')}.${b64("x")}`,
  ];
  const key = jwt.importKey(SECRET);
  const ecKey = jwt.importKey(pem);
  const policy = { algorithms: ["HS256"], issuer: "https://issuer.example", audience: "api", required: ["sub"], maxAge: 3600, typ: "JWT", subject: "ada" };
  const verifier = jwt.createVerifier({ key, policy });
  // ES256 through WebCrypto: synchronously "unchecked", asynchronously checked.
  const es = signing.generateKey("ES256");
  const esToken = signing.sign({ alg: "ES256" }, { sub: "ada", exp: NOW + 600 }, es.privateJwk);
  const webKey = jwt.importKey(JSON.stringify(es.publicJwk), { arithmetic: "webcrypto" });
  const webVerifier = jwt.createVerifier({ key: webKey });
  const samples = {
    Report: [
      ...tokens.map((t) => jwt.inspect(t, { now: NOW })),
      ...tokens.map((t) => jwt.inspect(t)),
      ...tokens.map((t) => jwt.verify(t, key, { now: NOW, policy })),
      ...tokens.map((t) => jwt.verify(t, ecKey, { now: false })),
      jwt.verify(esToken, webKey, { now: NOW }),
      await jwt.verifyAsync(esToken, webKey, { now: NOW }),
      await jwt.verifyAsync(esToken.slice(0, -4) + "AAAA", webKey, { now: NOW }),
    ],
    FastVerdict: [
      ...tokens.map((t) => jwt.verifyFast(t, key, { now: NOW, policy })),
      ...tokens.map((t) => verifier(t, { now: NOW })),
      webVerifier(esToken, { now: NOW }),
      await webVerifier.verifyAsync(esToken, { now: NOW }),
      await jwt.verifyFastAsync(esToken, webKey, { now: NOW }),
    ],
    Decoded: [jwt.decode(tokens[0]), jwt.decode(tokens[4])],
    SignatureCheck: [
      jwt.verifySignature("HS256", key, "a.b", new Uint8Array(32)),
      jwt.verifySignature("ES256", ecKey, "a.b", new Uint8Array(64)),
      jwt.verifySignature("ES256", ecKey, "a.b", new Uint8Array(3)),
      jwt.verifySignature("ES256", webKey, "a.b", new Uint8Array(64).fill(1)),
      await jwt.verifySignatureAsync("ES256", webKey, "a.b", new Uint8Array(64).fill(1)),
    ],
    SdJwtReport: [
      sdJwt.verifySdJwt(sdPresentation, sdIssuerKey, { now: SD_NOW, keyBinding: { required: true, nonce: "1234567890", audience: "https://verifier.example.org" } }),
      sdJwt.verifySdJwt(sdPresentation, sdIssuerKey, { now: SD_NOW, keyBinding: { nonce: "other", audience: "https://verifier.example.org" } }),
      sdJwt.verifySdJwt(sdPresentation, key, { now: SD_NOW }),
      sdJwt.verifySdJwt(sdIssuance, sdIssuerKey, { now: SD_NOW, keyBinding: { forbidden: true } }),
      sdJwt.verifySdJwt("a.b.c", sdIssuerKey, { now: SD_NOW }),
      sdJwt.verifySdJwt("a.b.c~!!~", sdIssuerKey, { now: SD_NOW }),
    ],
    "Awaited<ReturnType<typeof verifySdJwtAsync>>": [
      await sdJwt.verifySdJwtAsync(sdPresentation, jwt.importKey(sd("keys/issuer.public.jwk.json"), { arithmetic: "webcrypto" }), { now: SD_NOW, keyBinding: { required: true, nonce: "1234567890", audience: "https://verifier.example.org" } }),
    ],
    "ReturnType<typeof decodeSdJwt>": [sdJwt.decodeSdJwt(sdPresentation), sdJwt.decodeSdJwt(sdIssuance)],
    "ReturnType<typeof decrypt>": [
      signing.decrypt(JSON.parse(sd("../jwe/rfc7516/A.3.json")).output.compact, JSON.parse(sd("../jwe/rfc7516/A.3.json")).input.key),
      signing.decrypt(JSON.parse(sd("../jwe/rfc7516/A.1.json")).output.compact, JSON.parse(sd("../jwe/rfc7516/A.1.json")).input.key),
    ],
    "ReturnType<typeof generateKey>": [signing.generateKey("ES256"), signing.generateKey("HS256"), signing.generateKey("EdDSA")],
    "Pick<JwtlensKey, \"detected\" | \"keys\" | \"skipped\" | \"arithmetic\">": [key, ecKey, jwt.importKey(JSON.stringify({ keys: [{ kty: "EC", crv: "P-256", x: "AA", y: "AA" }, publicKey.export({ format: "jwk" })] }))].map(
      (k) => ({ detected: k.detected, keys: k.keys, skipped: k.skipped, arithmetic: k.arithmetic }),
    ),
  };
  const jar = new cookies.CookieJar();
  const site = "https://bank.example/login";
  const outcomes = [
    jar.setCookie("sid=abc; Secure; HttpOnly; SameSite=Lax; Path=/", site, { now: NOW }),
    jar.setCookie("sid=def; Secure; HttpOnly; SameSite=Lax; Path=/", site, { now: NOW }),
    jar.setCookie("__Host-x=1; Domain=bank.example", site, { now: NOW }),
    jar.setCookie("gone=1; Max-Age=0", site, { now: NOW }),
    jar.setCookie("theme=dark; Expires=Wed, 21 Oct 2037 07:28:00 GMT", site, { now: NOW }),
  ];
  const cookieSamples = {
    CookieOutcome: outcomes,
    "CookieVerdict[]": [jar.cookiesFor({ url: "https://bank.example/transfer", method: "POST", site: "https://evil.example", topLevel: false }, { now: NOW }), jar.cookiesFor("http://bank.example/", { now: NOW })],
    "Cookie[]": [jar.cookies()],
  };
  const sim = new flows.Simulation({ strategy: "access_refresh", denyList: true });
  const steps = ["login", "request", "xss", "csrf_post", "csrf_get", "csrf_fetch", "hijack", "replay", "logout", "revoke", "restart", "rotate_key"].map((s) => {
    try {
      return sim.step(s);
    } catch {
      return undefined;
    }
  }).filter(Boolean);
  const flowSamples = {
    FlowRun: ["session", "jwt_local_storage", "jwt_cookie", "access_refresh"].map((strategy) =>
      flows.simulate({ strategy }, ["login", { step: "request", server: 2 }, "xss", "csrf_post", "csrf_get", "hijack", { step: "advance", seconds: 4000 }, "replay", "logout"]),
    ),
    FlowStepResult: steps,
    FlowSnapshot: [sim.snapshot()],
    Comparison: [flows.compareStrategies(), flows.compareStrategies({ denyList: true, servers: 3 })],
  };
  assert.ok(steps.length >= 8, `${steps.length} steps ran`);

  // One casing: every property name the package produces is camelCase. Member
  // names read from a token or a key (`x5t#S256`, `key_ops`) are data, not ours.
  const data = new Set(["json", "claims", "jwk", "privateJwk", "publicJwk"]);
  const notCamel = [];
  let names = 0;
  const walk = (v, path, raw) => {
    if (Array.isArray(v)) return v.forEach((x, i) => walk(x, `${path}[${i}]`, raw));
    if (v === null || typeof v !== "object") return;
    for (const [k, x] of Object.entries(v)) {
      names++;
      if (!/^[a-z][a-zA-Z0-9]*$/.test(k)) notCamel.push(`${path}.${k}`);
      if (!data.has(k) && !raw.has(k)) walk(x, `${path}.${k}`, raw);
    }
  };
  for (const group of [samples, cookieSamples, flowSamples]) {
    for (const [type, values] of Object.entries(group)) {
      // Claims and disclosed values of an SD-JWT are the token's data too.
      const raw = new Set(
        type === "FastVerdict" || type === "Decoded" ? ["header", "payload"] : type.includes("SdJwt") ? ["payload", "value"] : [],
      );
      values.forEach((v, i) => walk(v, `${type}[${i}]`, raw));
    }
  }
  assert.deepEqual(notCamel, [], "property names that are not camelCase");
  assert.ok(names > 1000, `${names} property names checked`);
  console.log(`# ${names} property names are camelCase`);

  const lines = [
    'import type { Report, FastVerdict, Decoded, SignatureCheck, JwtlensKey } from "jwtlens";',
    'import type { SdJwtReport, decodeSdJwt, verifySdJwtAsync } from "jwtlens/sd-jwt";',
    'import type { generateKey, decrypt } from "jwtlens/sign";',
    'import type { CookieOutcome, CookieVerdict, Cookie } from "jwtlens/cookies";',
    'import type { FlowRun, FlowStepResult, FlowSnapshot, Comparison } from "jwtlens/flows";',
    // The /init entries: the same API, plus init and initSync.
    'import { init as jwtInit, initSync as jwtInitSync, inspect as initInspect } from "jwtlens/init";',
    'import { init as signInit, generateKey as initGenerateKey } from "jwtlens/sign/init";',
    'import { init as sdJwtInit, decodeSdJwt as initDecodeSdJwt } from "jwtlens/sd-jwt/init";',
    'import { init as cookiesInit, CookieJar as InitJar } from "jwtlens/cookies/init";',
    'import { init as flowsInit, simulate as initSimulate } from "jwtlens/flows/init";',
    "export const inits: Promise<void>[] = [jwtInit(), jwtInit(new URL(\"file:///x.wasm\")), signInit(), sdJwtInit(), cookiesInit(), flowsInit()];",
    "export const initSyncs: void = jwtInitSync({ module: new Uint8Array(0) });",
    "export const initTypes: [Report, ReturnType<typeof initGenerateKey>, InitJar, FlowRun] = [initInspect(\"a.b.c\"), initGenerateKey(\"EdDSA\"), new InitJar(), initSimulate({ strategy: \"session\" }, [\"login\"])];",
    "export const initSdJwt: ReturnType<typeof decodeSdJwt> = initDecodeSdJwt(\"a.b.c~\");",
  ];
  let n = 0;
  for (const group of [samples, cookieSamples, flowSamples]) {
    for (const [type, values] of Object.entries(group)) {
      for (const v of values) lines.push(`export const s${n++}: ${type} = ${JSON.stringify(v)};`);
    }
  }
  const differences = typecheck("runtime-shapes", lines);
  assert.equal(differences, null, `${n} runtime outputs checked; tsc found differences from the declarations:\n${differences}`);
  console.log(`# ${n} runtime outputs match their declared types`);
});
