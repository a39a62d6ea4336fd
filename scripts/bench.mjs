// `npm run bench`: the native benchmark (src/bin/bench/, release build, one process per
// measurement), then its figures against the budgets in the README.
//   npm run bench -- [--sizes 1,10,100] [--corpus DIR] [--kinds ubuntu,loghub,support]
//                    [--modes scan,sanitize,stream,check,cli,grep]   the table and the budgets
//   npm run bench -- --cli [MB] | --adversarial | --compare-2g [MB] | --json   other modes, as is
// Figures, not a test: it exits 0 when something is over budget (1 with --strict).
import { spawnSync } from "node:child_process";
import { log, reportBudgets, root, run } from "./lib.mjs";

const args = process.argv.slice(2).filter((a) => a !== "--strict");
const strict = process.argv.includes("--strict");
const bench = ["run", "--quiet", "--release", "--bin", "logscrub-bench", "--"];
if (args.some((a) => ["--cli", "--adversarial", "--compare-2g", "--one", "--json"].includes(a))) {
  run("cargo", [...bench, ...args]);
  process.exit(0);
}

log("native benchmark (release build; each figure the best of its runs)");
const r = spawnSync("cargo", [...bench, ...args, "--json"], {
  cwd: root,
  encoding: "utf8",
  stdio: ["ignore", "pipe", "inherit"],
  maxBuffer: 64 * 1024 * 1024,
});
if (r.status !== 0) {
  console.error(`the benchmark failed (exit ${r.status ?? r.error?.message})`);
  process.exit(1);
}
const rows = JSON.parse(r.stdout).rows;
const pad = (s, n) => String(s).padEnd(n);
const num = (x, d) => (typeof x === "number" ? x.toFixed(d) : "?").padStart(10);
console.log(`${pad("input", 8)} ${pad("size", 7)} ${pad("mode", 9)} ${"seconds".padStart(10)} ${"MB/s".padStart(10)} ${"findings".padStart(10)} ${"residual".padStart(9)} ${"peak MB".padStart(10)}`);
for (const x of rows) {
  console.log(`${pad(x.input, 8)} ${pad(`${x.size_mb} MB`, 7)} ${pad(x.mode, 9)} ${num(x.seconds, 3)} ${num(x.mb_per_s, 1)} ${String(x.findings).padStart(10)} ${String(x.residual).padStart(9)} ${num(x.peak_rss_mb, 1)}`);
}

// Speed budgets hold at every size (the slowest size counts); memory at the largest peak.
const figures = {};
for (const x of rows) {
  const speed = `native.${x.mode}.${x.input}.mb_per_s`;
  figures[speed] = Math.min(figures[speed] ?? Infinity, x.mb_per_s);
  const mem = `native.${x.mode}.peak_mb`;
  figures[mem] = Math.max(figures[mem] ?? 0, x.peak_rss_mb);
}
const over = reportBudgets("native.", figures);
if (strict && over > 0) process.exit(1);
