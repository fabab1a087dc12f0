// The sessions-vs-JWT simulation through the npm package: the same runs as the
// core's scenario tests, their JSON shape, errors, and the TypeScript types.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { installed, install } from "./install.mjs";

const tsc = join(dirname(fileURLToPath(import.meta.url)), "../node_modules/.bin/tsc");
let jwtlens;
before(async () => {
  jwtlens = await installed("flows");
});

const statusOf = (step) => step.events.filter((e) => e.kind.type === "response").at(-1)?.kind.status;

test("simulate: a JWT in localStorage is stolen by XSS and outlives logout", () => {
  const run = jwtlens.simulate({ strategy: "jwt_local_storage" }, ["login", "xss", { step: "advance", seconds: 600 }, "logout", "replay"]);
  assert.equal(run.steps.length, 5);
  assert.equal(
    run.steps[1].outcome,
    "The script read the token from localStorage and can now call the API from anywhere until 12:06 UTC (1 h from now).",
  );
  const stolen = run.steps[1].events.find((e) => e.kind.type === "stolen");
  assert.equal(stolen.kind.worksUntil, 1795003600);
  assert.equal(statusOf(run.steps[4]), 200);
  assert.match(run.steps[4].outcome, /still works: accepted until 12:06 UTC \(50 min from now\)/);
  assert.deepEqual(run.snapshot.localStorage, []);
  assert.equal(run.snapshot.now, 1795000600);
});

test("simulate: sessions, their lookups, bytes and the second server", () => {
  const run = jwtlens.simulate({}, [{ step: "login" }, { step: "request", server: 1 }, { step: "request", server: 2 }]);
  assert.equal(run.config.strategy, "session");
  assert.deepEqual(run.metrics, { requests: 2, credentialBytes: 36, lookups: 1 });
  assert.equal(statusOf(run.steps[1]), 200);
  assert.equal(statusOf(run.steps[2]), 401);
  const request = run.steps[1].events.find((e) => e.kind.type === "request");
  assert.deepEqual(request.kind.headers.map((h) => h.name), ["Cookie"]);
  assert.equal(run.snapshot.cookies[0].httpOnly, true);
  assert.equal(run.snapshot.servers[0].sessions.length, 1);
  const shared = jwtlens.simulate({ sharedStore: true }, ["login", { step: "request", server: 2 }]);
  assert.equal(statusOf(shared.steps[1]), 200);
});

test("simulate: CSRF under SameSite=Lax vs None", () => {
  const lax = jwtlens.simulate({ strategy: "jwt_cookie", sameSite: "Lax" }, ["login", "csrf_post"]);
  assert.equal(lax.steps[1].outcome, "CSRF failed: no token cookie (SameSite=Lax on the cross-site POST).");
  const none = jwtlens.simulate({ strategy: "jwt_cookie", sameSite: "None" }, ["login", "csrf_post"]);
  assert.match(none.steps[1].outcome, /^CSRF worked/);
  const cookie = none.steps[1].events.find((e) => e.kind.type === "cookie");
  assert.deepEqual([cookie.kind.name, cookie.kind.sent], ["token", true]);
});

test("Simulation steps one at a time and is deterministic", () => {
  const a = new jwtlens.Simulation({ strategy: "access_refresh", seed: 9 });
  const b = new jwtlens.Simulation({ strategy: "access_refresh", seed: 9 });
  for (const step of ["login", { step: "advance", seconds: 301 }, "request"]) assert.deepEqual(a.step(step), b.step(step));
  const snap = a.snapshot();
  assert.equal(snap.refreshTokens.length, 2);
  assert.equal(snap.refreshTokens[0].used, true);
  assert.equal(typeof snap.pageMemory, "string");
});

test("compareStrategies: the articles' table, measured", () => {
  const t = jwtlens.compareStrategies();
  assert.deepEqual(t.strategies, ["session", "jwt_local_storage", "jwt_cookie", "access_refresh"]);
  const row = (f) => t.rows.find((r) => r.factor === f).cells;
  assert.deepEqual(row("State on the server"), ["91 bytes", "0 bytes", "0 bytes", "57 bytes"]);
  assert.equal(row("Logout")[1], "a copy keeps working 1 h (3600 s)");
  assert.equal(row("Logout")[0], "a copy is refused at once (0 s)");
  const withDeny = jwtlens.compareStrategies({ denyList: true });
  assert.equal(withDeny.rows.find((r) => r.factor === "Logout").cells[1], "a copy is refused at once (0 s)");
});

test("bad options and steps are located errors", () => {
  const bad = (fn, re) => assert.throws(fn, (e) => e.code === "invalid_argument" && re.test(e.message));
  bad(() => jwtlens.simulate({ strategy: "cookies" }, []), /options: unknown variant `cookies`/);
  bad(() => jwtlens.simulate({ colour: 1 }, []), /options: unknown field `colour`/);
  bad(() => jwtlens.simulate({}, ["login", "dance"]), /steps\[1\]: unknown variant `dance`/);
  bad(() => jwtlens.simulate({}, [{ step: "advance" }]), /steps\[0\]: missing field `seconds`/);
  bad(() => jwtlens.simulate({}, "login"), /steps must be an array/);
  bad(() => jwtlens.simulate({}, [42]), /steps\[0\] must be a step name/);
  bad(() => new jwtlens.Simulation([]), /options must be an object/);
  bad(() => new jwtlens.Simulation().step({ step: "fly" }), /step: unknown variant `fly`/);
});

test("the flow types compile", () => {
  const { scratch } = install();
  writeFileSync(
    join(scratch, "flows.ts"),
    `import { simulate, compareStrategies, Simulation, type FlowRun, type Comparison } from "jwtlens/flows";
const run: FlowRun = simulate({ strategy: "jwt_cookie", sameSite: null, denyList: true }, ["login", { step: "request", server: 2 }, { step: "advance", seconds: 60 }]);
const t: Comparison = compareStrategies({ servers: 3 });
const s = new Simulation();
const outcome: string = s.step("xss").outcome;
for (const e of run.steps[0].events) if (e.kind.type === "request") { const n: number = e.kind.credentialBytes; console.log(n); }
console.log(t.rows[0].cells, outcome, s.snapshot().serverStateBytes);
// @ts-expect-error not a strategy
simulate({ strategy: "cookies" }, []);
// @ts-expect-error advance needs seconds
simulate({}, [{ step: "advance" }]);
`,
  );
  writeFileSync(
    join(scratch, "tsconfig.flows.json"),
    JSON.stringify({ compilerOptions: { strict: true, noEmit: true, module: "nodenext", moduleResolution: "nodenext", target: "es2022", types: [] }, files: ["flows.ts"] }),
  );
  execFileSync(tsc, ["-p", join(scratch, "tsconfig.flows.json")], { encoding: "utf8" });
});
