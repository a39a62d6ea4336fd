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
