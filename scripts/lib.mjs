// Shared helpers for the npm scripts: run commands, install what is missing.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const home = process.env.HOME ?? "";
// cargo-installed tools live here; make sure child processes find them.
process.env.PATH = `${join(home, ".cargo", "bin")}:${join(root, "node_modules", ".bin")}:${process.env.PATH}`;

export function log(msg) {
  console.log(`\x1b[1m[logscrub]\x1b[0m ${msg}`);
}

/** Runs a command, inheriting stdio; exits the process when it fails. */
export function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: "inherit", cwd: root, ...opts });
  if (r.error) {
    console.error(`cannot run ${cmd}: ${r.error.message}`);
    process.exit(1);
  }
  if (r.status !== 0) {
    console.error(`${cmd} ${args.join(" ")} failed with exit code ${r.status}`);
    process.exit(r.status ?? 1);
  }
}

/** Runs a command and returns its stdout, or null when it cannot run or fails. */
export function capture(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** The wasm-bindgen version pinned with `=` in Cargo.toml. */
export function pinnedWasmBindgen() {
  const toml = readFileSync(join(root, "Cargo.toml"), "utf8");
  const m = toml.match(/wasm-bindgen\s*=\s*"=([0-9.]+)"/);
  if (!m) throw new Error("Cargo.toml must pin wasm-bindgen with =x.y.z");
  return m[1];
}

/** Installs what the build needs and is missing: npm packages, wasm32 target, wasm-bindgen CLI. */
export function ensureTools() {
  if (!existsSync(join(root, "node_modules", ".bin", "esbuild")) || !existsSync(join(root, "node_modules", "binaryen"))) {
    log("installing npm packages (npm ci)");
    run("npm", ["ci", "--no-audit", "--no-fund"]);
  }
  const targets = capture("rustup", ["target", "list", "--installed"]);
  if (targets === null) {
    log("rustup not found: assuming the wasm32-unknown-unknown target is installed");
  } else if (!targets.split("\n").includes("wasm32-unknown-unknown")) {
    log("adding the wasm32-unknown-unknown Rust target");
    run("rustup", ["target", "add", "wasm32-unknown-unknown"]);
  }
  const want = pinnedWasmBindgen();
  const have = capture("wasm-bindgen", ["--version"]);
  if (have !== `wasm-bindgen ${want}`) {
    log(`installing wasm-bindgen-cli ${want} (have: ${have ?? "none"}); this takes about 2 minutes`);
    run("cargo", ["install", "wasm-bindgen-cli", "--version", want, "--locked"]);
  }
}

/**
 * Chromium and ChromeDriver for the browser tests: Debian's packages, installed with apt when
 * this runs as root (as in CI); otherwise prints the one command to run and exits.
 * CHROMIUM_PATH and CHROMEDRIVER point at another install.
 */
export function ensureBrowser() {
  const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  const chromedriver = process.env.CHROMEDRIVER ?? "/usr/bin/chromedriver";
  const missing = () => [chromium, chromedriver].filter((p) => !existsSync(p));
  if (missing().length === 0) return { chromium, chromedriver };
  const custom = process.env.CHROMIUM_PATH !== undefined || process.env.CHROMEDRIVER !== undefined;
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  const apt = ["/usr/bin/apt-get", "/bin/apt-get"].some((p) => existsSync(p));
  if (!custom && root && apt) {
    log(`installing Chromium and ChromeDriver for the browser tests (missing: ${missing().join(", ")})`);
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    run("apt-get", ["update", "-qq"], { env });
    run("apt-get", ["install", "-y", "-qq", "chromium", "chromium-driver"], { env });
  }
  if (missing().length > 0) {
    console.error(`The browser tests need Chromium and ChromeDriver (missing: ${missing().join(", ")}). Run:

    sudo apt-get install -y chromium chromium-driver

(or set CHROMIUM_PATH and CHROMEDRIVER to an existing install), then npm test again.`);
    process.exit(1);
  }
  return { chromium, chromedriver };
}

/**
 * The environment for test processes: without the variables that would make a run draw other
 * cases (`PROPTEST_*`, the exploration seed) or rewrite committed files (golden files, the
 * README screenshot).
 */
export function testEnv() {
  const env = { ...process.env };
  for (const k of Object.keys(env)) {
    if (/^(PROPTEST_|LOGSCRUB_PROPTEST_)/.test(k) || k === "UPDATE_GOLDEN" || k === "UPDATE_SCREENSHOT") delete env[k];
  }
  return env;
}

/**
 * The untracked and ignored paths of the checkout, outside the build folders (target/,
 * node_modules/, dist/): what a test run must not add to. Empty outside a git checkout.
 */
export function sourceTreeSnapshot() {
  const out = capture("git", ["status", "--porcelain", "--ignored", "--untracked-files=normal"]);
  if (out === null) return [];
  return out
    .split("\n")
    .filter((l) => l.startsWith("?? ") || l.startsWith("!! "))
    .map((l) => l.slice(3))
    .filter((p) => !/^(target|node_modules|dist)\//.test(p));
}

/**
 * The budgets of the README's "Budgets" table: rows whose last cell is a `key` and whose
 * second cell is a limit such as `≥ 500 MB/s` or `≤ 4 ×`.
 */
export function readBudgets() {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const budgets = [];
  for (const line of readme.split("\n")) {
    const m = line.match(/^\|\s*([^|]+?)\s*\|\s*(≥|≤)\s*([\d.,]+)\s*([^|]*?)\s*\|\s*`([\w.-]+)`\s*\|\s*$/);
    if (m) budgets.push({ what: m[1], op: m[2], limit: Number(m[3].replace(/,/g, "")), unit: m[4], key: m[5] });
  }
  return budgets;
}

/**
 * Prints each budget whose key starts with `prefix` against `figures` (key → number): PASS,
 * OVER, or not measured. Returns the number over budget.
 */
export function reportBudgets(prefix, figures) {
  const budgets = readBudgets().filter((b) => b.key.startsWith(prefix));
  log(`budgets (README.md, "Budgets"): ${budgets.length}`);
  let over = 0;
  for (const b of budgets) {
    const v = figures[b.key];
    const limit = `${b.op} ${b.limit} ${b.unit}`.trim();
    if (typeof v !== "number" || !Number.isFinite(v)) {
      console.log(`  ----  ${b.what}: not measured (budget ${limit})`);
      continue;
    }
    const ok = b.op === "≥" ? v >= b.limit : v <= b.limit;
    if (!ok) over++;
    const shown = Math.abs(v) >= 100 || Number.isInteger(v) ? v.toFixed(0) : v.toFixed(2);
    console.log(`  ${ok ? "PASS" : "OVER"}  ${b.what}: ${shown} ${b.unit} (budget ${limit})`.replace(/ +\(/, " ("));
  }
  return over;
}
