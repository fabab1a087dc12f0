// Pack crates/jwtlens-wasm/pkg once per test process, install it into a
// scratch project, and import it by its bare name through its exports map.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
export const pkgDir = join(here, "../../crates/jwtlens-wasm/pkg");

let cached;

/** { scratch, files } after packing and installing. */
export function install() {
  if (cached) return cached;
  if (!existsSync(join(pkgDir, "package.json"))) throw new Error("run scripts/build-npm.sh first");
  const scratch = mkdtempSync(join(tmpdir(), "jwtlens-npm-"));
  const out = execFileSync("npm", ["pack", pkgDir, "--pack-destination", scratch, "--json"], { encoding: "utf8" });
  const [{ filename, files }] = JSON.parse(out);
  writeFileSync(join(scratch, "package.json"), JSON.stringify({ name: "scratch", private: true, type: "module" }));
  execFileSync("npm", ["install", "--offline", "--no-audit", "--no-fund", join(scratch, filename)], { cwd: scratch, stdio: "pipe" });
  for (const [file, specifier] of [["probe.mjs", "jwtlens"], ["probe-sign.mjs", "jwtlens/sign"], ["probe-sd-jwt.mjs", "jwtlens/sd-jwt"], ["probe-cookies.mjs", "jwtlens/cookies"], ["probe-flows.mjs", "jwtlens/flows"]]) {
    writeFileSync(join(scratch, file), `export * from "${specifier}";\n`);
  }
  cached = { scratch, files: files.map((f) => f.path).sort() };
  return cached;
}

/** The installed package's exports: the root entry, or the subpath "sign", "sd-jwt", "cookies" or "flows". */
export async function installed(subpath) {
  const { scratch } = install();
  return import(pathToFileURL(join(scratch, subpath ? `probe-${subpath}.mjs` : "probe.mjs")).href);
}

/** A project beside the scratch one whose installed package lacks `file` (to test what happens without it); its directory. */
export function installedWithout(file) {
  const { scratch } = install();
  const dir = join(scratch, `without-${file}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, "node_modules"), { recursive: true });
  cpSync(join(scratch, "node_modules/jwtlens"), join(dir, "node_modules/jwtlens"), { recursive: true });
  rmSync(join(dir, "node_modules/jwtlens", file));
  return dir;
}

const tsc = join(here, "../node_modules/.bin/tsc");

/**
 * Type-check TypeScript `lines` against the installed package's declarations
 * with `tsc --strict`, in the scratch project as `<name>.ts`: null when they
 * compile, else tsc's report.
 */
export function typecheck(name, lines) {
  const { scratch } = install();
  writeFileSync(join(scratch, `${name}.ts`), lines.join("\n") + "\n");
  const config = join(scratch, `tsconfig.${name}.json`);
  const compilerOptions = { strict: true, noEmit: true, module: "nodenext", moduleResolution: "nodenext", target: "es2022", types: [] };
  writeFileSync(config, JSON.stringify({ compilerOptions, files: [`${name}.ts`] }));
  try {
    execFileSync(tsc, ["-p", config], { encoding: "utf8" });
    return null;
  } catch (e) {
    return e.stdout || String(e);
  }
}
