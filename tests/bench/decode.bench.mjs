// Node benchmark: the npm package's inspect/decode against jose.decodeJwt,
// jwt-decode and fast-jwt's decoder, in one run on the same tokens.
//
//   bash scripts/build-npm.sh && node tests/bench/decode.bench.mjs
//
// Each peer runs for `ROUND_MS` per round, `ROUNDS` rounds interleaved; the
// median ops/s is reported with its ratio to jwtlens.decode. Not a test: no
// timing is asserted anywhere.
import { decodeJwt, decodeProtectedHeader } from "jose";
import { jwtDecode } from "jwt-decode";
import { createDecoder } from "fast-jwt";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";

const pkg = new URL("../../crates/jwtlens-wasm/pkg/", import.meta.url);
const { inspect, decode } = await import(new URL("index.node.js", pkg).href);

const ROUND_MS = Number(process.env.ROUND_MS ?? 400);
const ROUNDS = Number(process.env.ROUNDS ?? 5);

const tokens = {
  "jwt.io example (3 claims)":
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
  "example (9 claims)":
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6ImRlbW8tMjAyNiJ9.eyJpc3MiOiJodHRwczovL2F1dGguZXhhbXBsZS5jb20iLCJzdWIiOiJ1c2VyLTEyMzQiLCJhdWQiOiJhcGkuZXhhbXBsZS5jb20iLCJuYW1lIjoiQWRhIExvdmVsYWNlIiwicm9sZXMiOlsiYWRtaW4iXSwiaWF0IjoxNzk1MDAwMDAwLCJuYmYiOjE3OTUwMDAwMDAsImV4cCI6MTc5NTAwMzYwMCwianRpIjoiNWYxYzlhM2UtN2IyZC00ZThmLTlhNjEtMGMzZDJiNGU1ZjYwIn0.HQMah4sZ4BfgxZCI9LnlcW3beRk_C_NURV-jbmGTjHA",
};

const fastComplete = createDecoder({ complete: true });
const peers = {
  "jwtlens.decode (header+payload+signature)": (t) => decode(t),
  "jwtlens.inspect (full report, now given)": (t) => inspect(t, { now: 1795000180 }),
  "jose.decodeJwt + decodeProtectedHeader": (t) => [decodeJwt(t), decodeProtectedHeader(t)],
  "jose.decodeJwt (payload only)": (t) => decodeJwt(t),
  "jwt-decode (payload) + jwt-decode (header)": (t) => [jwtDecode(t), jwtDecode(t, { header: true })],
  "jwt-decode (payload only)": (t) => jwtDecode(t),
  "fast-jwt createDecoder({ complete: true })": (t) => fastComplete(t),
};

function round(fn, token) {
  let n = 0;
  const end = performance.now() + ROUND_MS;
  let sink;
  while (performance.now() < end) {
    for (let i = 0; i < 100; i++) sink = fn(token);
    n += 100;
  }
  if (sink === undefined) throw new Error("no result");
  return (n / ROUND_MS) * 1000;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (x) => Math.round(x).toLocaleString("en-US").padStart(11);

console.log(`node ${process.version}, ${ROUNDS} rounds x ${ROUND_MS} ms, median ops/s`);
for (const [label, token] of Object.entries(tokens)) {
  for (const fn of Object.values(peers)) round(fn, token); // warm up
  const results = Object.fromEntries(Object.keys(peers).map((k) => [k, []]));
  for (let r = 0; r < ROUNDS; r++) for (const [name, fn] of Object.entries(peers)) results[name].push(round(fn, token));
  const base = median(results[Object.keys(peers)[0]]);
  console.log(`\n${label}`);
  for (const [name, xs] of Object.entries(results)) {
    const m = median(xs);
    console.log(`  ${name.padEnd(44)} ${fmt(m)} ops/s   ${(m / base).toFixed(2)}x jwtlens.decode`);
  }
}
// What decode runs in, in Node: the servers' verifying wasm (js/backend.js).
const wasm = readFileSync(fileURLToPath(new URL("jwtlens_verify_bg.wasm", pkg)));
console.log(`\nnpm .wasm: ${wasm.length} bytes raw, ${gzipSync(wasm, { level: 9 }).length} bytes gzip -9`);
