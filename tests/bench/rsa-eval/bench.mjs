// Benchmark: rsa 0.10 (wasm, ./pkg) vs jwtlens's own RSA arithmetic (wasm, rsa_mont.rs).
// From this directory, after bash scripts/build-npm.sh at the root:
//   cargo build -j 1 --release --target wasm32-unknown-unknown
//   wasm-bindgen --target nodejs --out-dir pkg target/wasm32-unknown-unknown/release/rsaeval.wasm
//   node bench.mjs [iterations=2000] [rounds=3]
import crypto from "node:crypto";
import { createRequire } from "node:module";
import { importKey, verifySignature, version } from "../../../crates/jwtlens-wasm/pkg/index.node.js";
const require = createRequire(import.meta.url);
const { RsaVerifier } = require(process.env.RSAEVAL_PKG ?? "./pkg/rsaeval.js");

const ITER = Number(process.argv[2] ?? 2000);
const ROUNDS = Number(process.argv[3] ?? 3);
const BLOCK = 100; // iterations per block; blocks of the contenders alternate within a round

const b64u = (b) => Buffer.from(b).toString("base64url");
const header = b64u(JSON.stringify({ alg: "RS256", typ: "JWT", kid: "2024-05-key-1" }));
const payload = b64u(JSON.stringify({ iss: "https://issuer.example.com/", sub: "user-1234567890", aud: "api://default", iat: 1716000000, exp: 1716003600, scope: "read write", jti: "9f8e7d6c5b4a" }));
const data = new Uint8Array(Buffer.from(`${header}.${payload}`, "utf8"));

function setup(bits, scheme) {
  const { publicKey, privateKey } = crypto.generateKeyPairSync("rsa", { modulusLength: bits, publicExponent: 65537 });
  const sig = scheme === "PS256"
    ? crypto.sign("sha256", data, { key: privateKey, padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 })
    : crypto.sign("sha256", data, privateKey);
  const spkiPem = publicKey.export({ type: "spki", format: "pem" });
  const spkiDer = new Uint8Array(publicKey.export({ type: "spki", format: "der" }));
  const jkey = importKey(spkiPem, { arithmetic: "core" });
  if (jkey.arithmetic !== "core") throw new Error("jwtlens key not on core arithmetic");
  const rv = new RsaVerifier(spkiDer);
  const sigU8 = new Uint8Array(sig);
  const shortSig = sigU8.subarray(0, sigU8.length - 1);
  const badSig = Uint8Array.from(sigU8); badSig[badSig.length - 1] ^= 1;
  const rvFn = scheme === "PS256" ? (m, s) => rv.verify_ps256(m, s) : (m, s) => rv.verify_rs256(m, s);
  // Correctness checks
  const ok = verifySignature(scheme, jkey, data, sigU8);
  if (ok.valid !== true) throw new Error(`jwtlens did not verify: ${JSON.stringify(ok)}`);
  if (verifySignature(scheme, jkey, data, badSig).valid !== false) throw new Error("jwtlens accepted bad sig");
  const short = verifySignature(scheme, jkey, data, shortSig);
  if (short.valid !== false) throw new Error("jwtlens accepted short sig");
  if (rvFn(data, sigU8) !== true) throw new Error("rsa0.10 did not verify");
  if (rvFn(data, badSig) !== false) throw new Error("rsa0.10 accepted bad sig");
  if (rvFn(data, shortSig) !== false) throw new Error("rsa0.10 accepted short sig");
  // Cross-check: a PKCS#1 sig must not pass PSS and vice versa
  const contenders = {
    jwtlens: () => verifySignature(scheme, jkey, data, sigU8),
    "rsa0.10": () => rvFn(data, sigU8),
    "jwtlens-baseline(short sig)": () => verifySignature(scheme, jkey, data, shortSig),
    "rsa0.10-baseline(short sig)": () => rvFn(data, shortSig),
  };
  return { contenders, shortCode: short.error && short.error.code };
}

function median(a) { const s = [...a].sort((x, y) => x - y); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; }

function bench(label, contenders) {
  const names = Object.keys(contenders);
  // warm-up
  for (const n of names) for (let i = 0; i < 300; i++) contenders[n]();
  const perRound = Object.fromEntries(names.map((n) => [n, []]));
  let sink = 0;
  for (let r = 0; r < ROUNDS; r++) {
    const tot = Object.fromEntries(names.map((n) => [n, 0n]));
    for (let b = 0; b < ITER / BLOCK; b++) {
      const order = (b + r) % 2 ? [...names].reverse() : names;
      for (const n of order) {
        const f = contenders[n];
        const t0 = process.hrtime.bigint();
        for (let i = 0; i < BLOCK; i++) { const v = f(); sink += v === true || (v && v.valid) ? 1 : 0; }
        tot[n] += process.hrtime.bigint() - t0;
      }
    }
    for (const n of names) perRound[n].push(Number(tot[n]) / 1000 / ITER);
  }
  const med = Object.fromEntries(names.map((n) => [n, median(perRound[n])]));
  const ratio = med["rsa0.10"] / med["jwtlens"];
  const arithJ = med["jwtlens"] - med["jwtlens-baseline(short sig)"];
  const arithR = med["rsa0.10"] - med["rsa0.10-baseline(short sig)"];
  console.log(`\n## ${label}  (${ITER} iters x ${ROUNDS} rounds, blocks of ${BLOCK} alternating; sink=${sink})`);
  console.log(`| contender | rounds µs/op | median µs/op |`);
  console.log(`|---|---|---|`);
  for (const n of names) console.log(`| ${n} | ${perRound[n].map((x) => x.toFixed(1)).join(", ")} | ${med[n].toFixed(1)} |`);
  console.log(`\nratio rsa0.10 / jwtlens (end to end): **${ratio.toFixed(2)}x**`);
  console.log(`arithmetic-only estimate (minus own short-sig baseline): jwtlens ${arithJ.toFixed(1)} µs, rsa0.10 ${arithR.toFixed(1)} µs, ratio **${(arithR / arithJ).toFixed(2)}x**`);
  console.log(`rsa0.10 total vs jwtlens arithmetic-only (jwtlens minus baseline): ${(med["rsa0.10"] / arithJ).toFixed(2)}x`);
  return { label, med, ratio, arithRatio: arithR / arithJ };
}

console.log(`rsaeval pkg: ${process.env.RSAEVAL_PKG ?? "./pkg/rsaeval.js"}; node ${process.version}, jwtlens core ${version()}, load avg ${(await import("node:os")).loadavg().map((x) => x.toFixed(2)).join(" ")}`);
const which = (process.argv[4] ?? "RS256-2048,PS256-2048,RS256-4096").split(",");
const summary = [];
for (const w of which) {
  const [scheme, bits] = w.split("-");
  const { contenders, shortCode } = setup(Number(bits), scheme);
  console.log(`\n(${w}: correctness checks passed; jwtlens short-sig error code: ${shortCode})`);
  summary.push(bench(`${scheme} ${bits}-bit`, contenders));
}
console.log(`\n## Summary`);
console.log(`| case | jwtlens µs/op | rsa0.10 µs/op | jwtlens baseline | rsa0.10 baseline | ratio e2e | ratio arith-only |`);
console.log(`|---|---|---|---|---|---|---|`);
for (const s of summary) {
  const m = s.med;
  console.log(`| ${s.label} | ${m.jwtlens.toFixed(1)} | ${m["rsa0.10"].toFixed(1)} | ${m["jwtlens-baseline(short sig)"].toFixed(1)} | ${m["rsa0.10-baseline(short sig)"].toFixed(1)} | ${s.ratio.toFixed(2)}x | ${s.arithRatio.toFixed(2)}x |`);
}
console.log(`load avg at end ${(await import("node:os")).loadavg().map((x) => x.toFixed(2)).join(" ")}`);
