// Differential test in wasm: the packed package's verdict, with the core's own
// (wasm32) arithmetic and with Node's OpenSSL behind the core's checks, against
// jose's jwtVerify (an independent implementation on WebCrypto) given the same
// policy. Tokens are signed by jose, then mutated: signature bits, another
// message's signature, truncation, ECDSA high-S / r = 0, Ed25519 S + L, times at
// the leeway's edges, issuer and audience. The property: jwtlens says valid ⇔
// jose verifies. Claims stay inside what both judge alike (jose accepts
// duplicate names and does not judge a future iat without maxTokenAge, where
// jwtlens refuses; those are covered by tests/differential.rs against
// jsonwebtoken). A fixed seed keeps the run reproducible.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { SignJWT, generateKeyPair, generateSecret, exportJWK, jwtVerify } from "jose";
import { installed } from "./install.mjs";

let jwtlens;
before(async () => {
  jwtlens = await installed();
});

const NOW = 1_795_000_000;
const LEEWAY = 60;
const CASES = Number(process.env.NPM_DIFFERENTIAL_CASES ?? 300);

function rng(seed) {
  // mulberry32
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const P256_N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
const ED25519_L = (1n << 252n) + 27742317777372353535851937790883648493n;
const toBig = (bytes) => BigInt("0x" + Buffer.from(bytes).toString("hex"));
const fromBig = (n, len) => Buffer.from(n.toString(16).padStart(len * 2, "0"), "hex");
const fromBigLe = (n, len) => fromBig(n, len).reverse();

function mutateSignature(alg, token, other, pick) {
  const [h, p, s] = token.split(".");
  let sig = Buffer.from(s, "base64url");
  const what = pick(8);
  if (what === 0) {
    const i = pick(sig.length);
    sig[i] ^= 1 << pick(8);
    return [`${h}.${p}.${sig.toString("base64url")}`, "bit flipped"];
  }
  if (what === 1) return [`${h}.${p}.${other.split(".")[2]}`, "another token's signature"];
  if (what === 2) return [`${h}.${p}.${sig.subarray(0, sig.length - 1).toString("base64url")}`, "truncated"];
  if (what === 3 && alg === "ES256") {
    const s = toBig(sig.subarray(32));
    sig = Buffer.concat([sig.subarray(0, 32), fromBig(P256_N - s, 32)]);
    return [`${h}.${p}.${sig.toString("base64url")}`, "high S"];
  }
  if (what === 4 && alg === "ES256") {
    sig = Buffer.concat([Buffer.alloc(32), sig.subarray(32)]);
    return [`${h}.${p}.${sig.toString("base64url")}`, "r = 0"];
  }
  if (what === 3 && alg === "EdDSA") {
    const s = toBig(Buffer.from(sig.subarray(32)).reverse()) + ED25519_L;
    if (s < 1n << 256n) sig = Buffer.concat([sig.subarray(0, 32), fromBigLe(s, 32)]);
    return [`${h}.${p}.${sig.toString("base64url")}`, "S + L"];
  }
  return [token, "unmutated"];
}

async function keysFor(alg) {
  if (alg.startsWith("HS")) {
    const secret = await generateSecret(alg, { extractable: true });
    return { sign: secret, verify: secret, text: JSON.stringify(await exportJWK(secret)) };
  }
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true, crv: alg === "EdDSA" ? "Ed25519" : undefined });
  return { sign: privateKey, verify: publicKey, text: JSON.stringify(await exportJWK(publicKey)) };
}

for (const alg of ["HS256", "RS256", "PS256", "ES256", "ES384", "EdDSA"]) {
  test(`jwtlens (WebCrypto and OpenSSL arithmetic) agrees with jose on mutated ${alg} tokens`, async () => {
    const random = rng(alg.split("").reduce((a, c) => a * 31 + c.charCodeAt(0), 7));
    const pick = (n) => Math.floor(random() * n);
    const keys = await keysFor(alg);
    const jwtlensKeys = ["webcrypto", "platform"].map((arithmetic) => jwtlens.importKey(keys.text, { arithmetic }));
    const offsets = [-3600, -LEEWAY - 1, -LEEWAY, -LEEWAY + 1, 0, 1, LEEWAY - 1, LEEWAY, LEEWAY + 1, 3600];
    let valid = 0;
    let previous = null;
    for (let i = 0; i < CASES; i++) {
      const claims = { sub: "ada" };
      if (pick(4)) claims.exp = NOW + offsets[pick(offsets.length)];
      if (!pick(3)) claims.nbf = NOW + offsets[pick(offsets.length)];
      if (!pick(3)) claims.iss = pick(2) ? "https://issuer.example" : "https://evil.example";
      if (!pick(3)) claims.aud = [["api"], ["web"], ["web", "api"], "api"][pick(4)];
      const token = await new SignJWT(claims).setProtectedHeader({ alg }).setIssuedAt(NOW - 10).sign(keys.sign);
      const [mutated, how] = previous ? mutateSignature(alg, token, previous, pick) : [token, "unmutated"];
      previous = token;
      const policy = pick(2) ? { issuer: "https://issuer.example", audience: "api" } : {};
      let jose;
      try {
        await jwtVerify(mutated, keys.verify, { algorithms: [alg], currentDate: new Date(NOW * 1000), clockTolerance: LEEWAY, ...policy });
        jose = true;
      } catch {
        jose = false;
      }
      for (const key of jwtlensKeys) {
        const v = await jwtlens.verifyFastAsync(mutated, key, { now: NOW, policy: { algorithms: [alg], leeway: LEEWAY, ...policy } });
        assert.equal(v.valid, jose, `${alg} case ${i} (${how}, ${key.arithmetic}): jwtlens ${v.status} "${v.message}", jose ${jose}; ${JSON.stringify(claims)}`);
      }
      valid += jose ? 1 : 0;
    }
    assert.ok(valid > CASES / 10 && valid < CASES, `${alg}: both outcomes exercised (${valid}/${CASES} valid)`);
    console.log(`differential ${alg}: ${CASES} cases agree (${valid} valid), both arithmetic paths`);
  });
}
