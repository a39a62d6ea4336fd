// `npm run test:explore`: open-ended random exploration, apart from `npm test` (which is
// deterministic) and not run by CI. A developer runs it; whatever it finds becomes a named
// regression test.
//
//   npm run test:explore -- [--seed N] [--scale K] [--fuzz SECONDS | --no-fuzz]
//
// 1. The property tests (the library's, tests/properties.rs, tests/structure/) with a new
//    random seed (or --seed N) and K times their cases (default 10).
// 2. If a nightly toolchain and cargo-fuzz are installed, each fuzz target for SECONDS
//    (default 60) through fuzz/run.sh; crashes land in fuzz/artifacts/ (git-ignored).
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { capture, log, root } from "./lib.mjs";

const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const seed = opt("--seed") ?? randomBytes(8).readBigUInt64LE().toString();
if (!/^\d+$/.test(seed) || BigInt(seed) >= 2n ** 64n) {
  console.error(`--seed must be an unsigned 64-bit integer, not ${seed}`);
  process.exit(2);
}
const scale = opt("--scale") ?? "10";
const fuzzSeconds = args.includes("--no-fuzz") ? 0 : Number(opt("--fuzz") ?? 60);

/** Runs a command under `nice` (the machine is shared); returns whether it passed. */
function niceRun(cmd, cmdArgs, env = process.env, cwd = root) {
  const r = spawnSync("nice", ["-n", "10", cmd, ...cmdArgs], { stdio: "inherit", cwd, env });
  if (r.error) {
    console.error(`cannot run ${cmd}: ${r.error.message}`);
    return false;
  }
  return r.status === 0;
}

const findings = [];

log(`property tests with seed ${seed}, ${scale} × the cases`);
const propEnv = { ...process.env, LOGSCRUB_PROPTEST_SEED: seed, LOGSCRUB_PROPTEST_SCALE: scale };
const targets = ["--lib", "--test", "properties", "--test", "structure"];
if (!niceRun("cargo", ["test", ...targets], propEnv)) {
  findings.push(`The tests failed with seed ${seed} and scale ${scale} (see above). Where a property
  failed, proptest printed the shrunk input ("minimal failing input: ..."). Reproduce it with
    LOGSCRUB_PROPTEST_SEED=${seed} LOGSCRUB_PROPTEST_SCALE=${scale} cargo test ${targets.join(" ")} -- NAME
  then write that input as an ordinary test next to the property, named after the issue it
  is filed or fixed under (regression_issue_N_what_it_shows; see the end of
  tests/properties.rs), fix the cause (not the one input), and commit both. Nothing is
  persisted: do not commit a *.proptest-regressions file.`);
}

const artifacts = join(root, "fuzz", "artifacts");
const listArtifacts = () => (existsSync(artifacts) ? readdirSync(artifacts).sort() : []);
if (fuzzSeconds > 0) {
  if (capture("cargo", ["+nightly", "fuzz", "--version"]) === null) {
    log("fuzzing skipped: it needs a nightly toolchain and cargo-fuzz");
    console.log("  rustup toolchain install nightly && cargo +nightly install cargo-fuzz");
  } else {
    log(`fuzzing each target for ${fuzzSeconds} s (fuzz/run.sh, logs in fuzz/logs/)`);
    const before = listArtifacts();
    niceRun("sh", [join(root, "fuzz", "run.sh"), String(fuzzSeconds)]);
    const added = listArtifacts().filter((f) => !before.includes(f));
    if (added.length > 0) {
      findings.push(`The fuzzers found ${added.length} new input(s) in fuzz/artifacts/: ${added.join(", ")}.
  Replay them against the current code with
    LOGSCRUB_FUZZ_ARTIFACTS=fuzz/artifacts cargo test --test fuzz_artifacts -- --ignored --nocapture
  then turn each cause into a named regression test (regression_issue_N_what_it_shows) with
  the smallest input that shows it, fix the cause, and commit both.`);
    }
  }
}

if (findings.length > 0) {
  console.error(`\nExploration found something:\n\n- ${findings.join("\n\n- ")}\n`);
  process.exit(1);
}
log(`exploration found nothing (seed ${seed}, scale ${scale}${fuzzSeconds > 0 ? `, fuzz ${fuzzSeconds} s per target` : ""})`);
