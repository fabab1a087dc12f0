// The npm package as a user gets it: `npm pack` of crates/jwtlens-wasm/pkg,
// installed into a scratch project, imported by its bare name.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { writeFileSync, readFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { install, installed, installedWithout } from "./install.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const tsc = join(here, "../node_modules/.bin/tsc");

// https://jwt.io's example token, and one with exp one hour after iat.
const JWT_IO =
  "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
const b64 = (o) => Buffer.from(JSON.stringify(o)).toString("base64url");
const WITH_EXP = `${b64({ alg: "HS256", typ: "JWT" })}.${b64({ sub: "ada", iat: 1700000000, exp: 1700003600 })}.c2ln`;

let scratch;
let jwtlens;

before(() => {
  const { scratch: dir, files } = install();
  scratch = dir;
  assert.ok(files.includes("jwtlens_wasm_bg.wasm") && files.includes("index.d.ts"), files.join(","));
});

async function load() {
  jwtlens ??= await installed();
  return jwtlens;
}

test("inspect returns the report as a plain object", async () => {
  const { inspect } = await load();
  const r = inspect(JWT_IO);
  assert.equal(r.kind, "jws");
  assert.equal(r.algorithm.name, "HS256");
  assert.deepEqual(r.header.json, { alg: "HS256", typ: "JWT" });
  assert.equal(r.claims.sub, "1234567890");
  assert.equal(r.payload.json.name, "John Doe");
  assert.equal(r.signature.bytes, 32);
  assert.deepEqual(r.errors, []);
  assert.equal(r.time.status, "unchecked");
  const iat = r.payload.members.find((m) => m.name === "iat");
  assert.equal(iat.registered.title, "Issued At");
  assert.equal(iat.note, "2018-01-18T01:30:22Z");
});

test("inspect judges times against the given now (number or Date)", async () => {
  const { inspect } = await load();
  const soon = inspect(WITH_EXP, { now: 1700000180 });
  assert.equal(soon.time.status, "valid");
  assert.equal(soon.time.exp.relative, "expires in 57 min");
  assert.equal(soon.time.lifetimeText, "1 h");
  const late = inspect(WITH_EXP, { now: new Date((1700003600 + 3 * 3600) * 1000) });
  assert.equal(late.time.status, "expired");
  assert.equal(late.time.exp.relative, "expired 3 h ago");
  assert.equal(late.time.exp.iso, "2023-11-14T23:13:20Z");
});

test("inspect locates errors and keeps what decodes", async () => {
  const { inspect } = await load();
  const broken = JWT_IO.slice(0, 60) + " " + JWT_IO.slice(60);
  const r = inspect(broken);
  assert.equal(r.errors.length, 1);
  assert.deepEqual(
    { code: r.errors[0].code, part: r.errors[0].part, offset: r.errors[0].offset, found: r.errors[0].found },
    { code: "bad_base64url", part: "payload", offset: 60, found: "a space" },
  );
  assert.equal(r.header.json.alg, "HS256", "the header still decodes");
  const bearer = inspect(`Bearer ${JWT_IO}\n`);
  assert.deepEqual(bearer.errors, []);
  assert.deepEqual(bearer.notices.map((n) => n.code), ["whitespace_trimmed", "bearer_prefix_stripped"]);
  assert.equal(bearer.token.start, 7);
});

test("decode gives header, payload and signature, or throws a located JwtlensError", async () => {
  const { decode, JwtlensError } = await load();
  const d = decode(JWT_IO);
  assert.deepEqual(d.header, { alg: "HS256", typ: "JWT" });
  assert.deepEqual(d.payload, { sub: "1234567890", name: "John Doe", iat: 1516239022 });
  assert.equal(d.signature, "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c");
  const cases = [
    ["", "empty", "input", 0],
    ["abc", "wrong_segment_count", "input", 3],
    ["e30.e30", "wrong_segment_count", "input", 7],
    [`${JWT_IO.slice(0, 10)}*${JWT_IO.slice(11)}`, "bad_base64url", "header", 10],
    [`${b64([1])}.e30.`, "header_not_object", "header", 0],
    [`${Buffer.from("{alg}").toString("base64url")}.e30.`, "header_not_json", "header", 0],
    [`${b64({ alg: "none" })}.${Buffer.from("hello").toString("base64url")}.`, "payload_not_json", "payload", 20],
    [`${b64({ alg: "RSA-OAEP", enc: "A128GCM" })}.aa.bb.cc.dd`, "encrypted", "input", 0],
  ];
  for (const [token, code, part, offset] of cases) {
    assert.throws(
      () => decode(token),
      (e) => {
        assert.ok(e instanceof JwtlensError && e instanceof Error, `${token}: ${e}`);
        assert.deepEqual({ code: e.code, part: e.part, offset: e.offset }, { code, part, offset }, token);
        assert.equal(typeof e.message, "string");
        return true;
      },
    );
  }
});

test("wrong argument types throw JwtlensError, never a wasm trap", async () => {
  const { inspect, decode, JwtlensError } = await load();
  for (const bad of [undefined, null, 42, {}, ["a.b.c"], Symbol("x")]) {
    assert.throws(() => inspect(bad), (e) => e instanceof JwtlensError && e.code === "invalid_argument");
    assert.throws(() => decode(bad), (e) => e instanceof JwtlensError && e.code === "invalid_argument");
  }
  for (const now of [NaN, Infinity, "soon", new Date(NaN)]) {
    assert.throws(() => inspect(JWT_IO, { now }), (e) => e.code === "invalid_argument");
  }
});

test("hostile input never throws from inspect", async () => {
  const { inspect } = await load();
  const inputs = ["\u0000", "....", "🦀.🦀.🦀", "a".repeat(100000), `${b64({ alg: "none" })}.${Buffer.from("[".repeat(5000)).toString("base64url")}.`];
  let seed = 7;
  for (let i = 0; i < 300; i++) {
    let s = "";
    const len = (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 60;
    for (let j = 0; j < len; j++) s += String.fromCharCode((seed = (seed * 1103515245 + 12345) % 2 ** 31) % 0x3000);
    inputs.push(s);
  }
  for (const s of inputs) {
    const r = inspect(s);
    assert.ok(Array.isArray(r.errors));
  }
});

test("the TypeScript types describe the API", () => {
  writeFileSync(
    join(scratch, "usage.ts"),
    `import { inspect, decode, JwtlensError, type Report, type Diagnostic } from "jwtlens";
const r: Report = inspect("a.b.c", { now: new Date() });
const first: Diagnostic | undefined = r.errors[0];
const status: "unchecked" | "valid" | "expired" | "not_yet_valid" | undefined = r.time?.status;
const aud: string[] | undefined = r.claims?.aud;
try { decode("x"); } catch (e) { if (e instanceof JwtlensError) { const o: number = e.offset; console.log(o, e.code); } }
console.log(first?.message, status, aud);
// @ts-expect-error now must be a number or a Date
inspect("a.b.c", { now: "soon" });
`,
  );
  writeFileSync(
    join(scratch, "tsconfig.json"),
    JSON.stringify({ compilerOptions: { strict: true, noEmit: true, module: "nodenext", moduleResolution: "nodenext", target: "es2022", types: [] }, files: ["usage.ts"] }),
  );
  execFileSync(tsc, ["-p", scratch], { encoding: "utf8" });
});

test("package metadata", () => {
  const meta = JSON.parse(readFileSync(join(scratch, "node_modules/jwtlens/package.json"), "utf8"));
  assert.equal(meta.name, "jwtlens");
  assert.equal(meta.type, "module");
  assert.equal(meta.exports["."].types, "./index.d.ts");
});

test("one package, five entries: the JWT entry holds no signing, SD-JWT, cookie jar or simulation, each subpath its own wasm", async () => {
  const root = await load();
  for (const name of ["sign", "generateKey", "verifySdJwt", "decodeSdJwt", "CookieJar", "simulate", "compareStrategies", "Simulation"]) assert.equal(root[name], undefined, name);
  const signing = await installed("sign");
  assert.equal(typeof signing.sign, "function");
  assert.equal(typeof signing.generateKey, "function");
  assert.equal(signing.JwtlensError, root.JwtlensError);
  const sd = await installed("sd-jwt");
  assert.equal(typeof sd.verifySdJwt, "function");
  // One key class: a key from either importKey is accepted by the other module.
  assert.equal(sd.JwtlensKey, root.JwtlensKey);
  const cookies = await installed("cookies");
  const flows = await installed("flows");
  assert.equal(typeof cookies.CookieJar, "function");
  assert.equal(typeof flows.simulate, "function");
  // One error type across the entries: `instanceof` holds whichever entry threw.
  assert.equal(cookies.JwtlensError, root.JwtlensError);
  assert.throws(() => new cookies.CookieJar().setCookie(1, "https://a.example/", { now: 1 }), root.JwtlensError);
  const { files } = install();
  for (const f of ["jwtlens_wasm_bg.wasm", "jwtlens_verify_bg.wasm", "jwtlens_wasm_browser_bg.wasm", "jwtlens_sd_jwt_bg.wasm", "jwtlens_sd_jwt_browser_bg.wasm", "jwtlens_es256k_bg.wasm", "jwtlens_ed25519_bg.wasm", "sd-jwt.d.ts", "jwtlens_sign_bg.wasm", "jwtlens_sandbox_bg.wasm", "sign.d.ts", "cookies.d.ts", "flows.d.ts"]) assert.ok(files.includes(f), f);
  // The JWT wasm does not carry the public suffix list (the sandbox wasm does).
  const jwt = readFileSync(join(scratch, "node_modules/jwtlens/jwtlens_wasm_bg.wasm"));
  const verifying = readFileSync(join(scratch, "node_modules/jwtlens/jwtlens_verify_bg.wasm"));
  const sandbox = readFileSync(join(scratch, "node_modules/jwtlens/jwtlens_sandbox_bg.wasm"));
  assert.equal(jwt.includes("co.uk"), false);
  assert.equal(verifying.includes("co.uk"), false);
  assert.equal(sandbox.includes("co.uk"), true);
  // Importing the root in a fresh process reads only the verifying JWT wasm; the
  // whole one (inspect, verify) is read when one of those is first called, once.
  const trace = execFileSync(
    process.execPath,
    ["--input-type=module", "-e", `
      import fs from "node:fs";
      import { syncBuiltinESMExports } from "node:module";
      const read = fs.readFileSync;
      const seen = [];
      fs.readFileSync = (p, ...a) => { seen.push(String(p)); return read(p, ...a); };
      syncBuiltinESMExports();
      const { decode, createVerifier, inspect, verify } = await import("jwtlens");
      const wasm = () => seen.filter((p) => p.endsWith(".wasm")).map((p) => p.split("/").at(-1));
      const token = "eyJhbGciOiJIUzI1NiJ9.e30.HDOGz8Fs9l46HcmxMUt-RPnmb-BwgfeFpyY9FC7iCBc";
      decode(token);
      createVerifier({ key: "a-secret", policy: { algorithms: ["HS256"] } })(token, { now: 1_800_000_000 });
      const before = wasm();
      inspect(token);
      verify(token, "a-secret", { now: 1_800_000_000 });
      console.log(JSON.stringify({ before, after: wasm() }));
    `],
    { cwd: scratch, encoding: "utf8" },
  );
  assert.deepEqual(JSON.parse(trace), { before: ["jwtlens_verify_bg.wasm"], after: ["jwtlens_verify_bg.wasm", "jwtlens_wasm_bg.wasm"] });
});

// The servers' entry splits the JWT module between two wasm files (js/backend.js);
// `jwtlens/init` runs on one. Imported into one process, in either order, one
// of them serves the API: keys from either entry verify with every function.
test("jwtlens and jwtlens/init in one process, in either order: every key, every function, the same verdicts", () => {
  for (const initFirst of [true, false]) {
    const out = execFileSync(
      process.execPath,
      ["--input-type=module", "-e", `
        import { createHmac } from "node:crypto";
        import { readFileSync } from "node:fs";
        import { createRequire } from "node:module";
        const b64 = (o) => Buffer.from(JSON.stringify(o)).toString("base64url");
        const secret = "an-hmac-secret-that-is-32-bytes!";
        const input = b64({ alg: "HS256" }) + "." + b64({ sub: "ada", exp: 1900000000 });
        const token = input + "." + createHmac("sha256", secret).update(input).digest("base64url");
        const wasm = readFileSync(createRequire(import.meta.url).resolve("jwtlens/wasm"));
        const keys = [];
        let init, main;
        if (${initFirst}) {
          init = await import("jwtlens/init");
          init.initSync({ module: wasm });
          keys.push(init.importKey(secret));
          main = await import("jwtlens");
        } else {
          main = await import("jwtlens");
          keys.push(main.importKey(secret));
          init = await import("jwtlens/init");
          init.initSync({ module: wasm });
        }
        keys.push(main.importKey(secret), init.importKey(secret));
        const now = 1800000000;
        const statuses = [];
        for (const api of [init, main]) {
          for (const key of keys) {
            statuses.push(api.verifyFast(token, key, { now }).status, api.verify(token, key, { now }).verdict.status, api.createVerifier({ key })(token, { now }).status);
            statuses.push(api.verifyFast(token.slice(0, -2) + "AA", key, { now }).status);
          }
          statuses.push(api.inspect(token, { now }).verdict.status);
        }
        console.log(JSON.stringify(statuses));
      `],
      { cwd: scratch, encoding: "utf8" },
    );
    const perKey = ["valid", "valid", "valid", "invalid_signature"];
    const perApi = [...perKey, ...perKey, ...perKey, "no_key"];
    assert.deepEqual(JSON.parse(out), [...perApi, ...perApi], initFirst ? "jwtlens/init first" : "jwtlens first");
  }
});

test("without jwtlens_wasm_bg.wasm a server still verifies; inspect and verify say which file is missing", () => {
  const dir = installedWithout("jwtlens_wasm_bg.wasm");
  const out = execFileSync(
    process.execPath,
    ["--input-type=module", "-e", `
      import { createVerifier, inspect, verify } from "jwtlens";
      import { createHmac } from "node:crypto";
      const secret = "an-hmac-secret-that-is-32-bytes!";
      const input = "${b64({ alg: "HS256" })}.${b64({ sub: "ada" })}";
      const token = input + "." + createHmac("sha256", secret).update(input).digest("base64url");
      const verifier = createVerifier({ key: secret, policy: { algorithms: ["HS256"] } });
      const attempt = (f) => { try { f(); return "no error"; } catch (e) { return e.message; } };
      console.log(JSON.stringify({
        before: verifier(token, { now: false }).status,
        inspect: attempt(() => inspect(token)),
        verify: attempt(() => verify(token, secret, { now: false })),
        after: verifier(token, { now: false }).status,
      }));
    `],
    { cwd: dir, encoding: "utf8" },
  );
  const r = JSON.parse(out);
  assert.equal(r.before, "valid");
  assert.equal(r.after, "valid");
  for (const message of [r.inspect, r.verify]) {
    assert.match(message, /could not instantiate the WebAssembly that inspect and verify use, from file:\/\/.*\/jwtlens_wasm_bg\.wasm: .*ENOENT/);
    assert.match(message, /copied next to it/);
  }
});
