// `npm run bench:web`: builds dist/ and measures the page in headless Chromium: the worker's
// MB/s on the corpus (benches/web/worker.spec.ts) and the README's page budgets (memory and
// main-thread long tasks on big inputs, benches/web/budgets.spec.ts), printed as PASS or OVER.
// Figures, not a test: it exits 0 when something is over budget (1 with --strict), 1 when a
// measurement itself fails.
import { rmSync, existsSync, readFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { buildAll } from "./build.mjs";
import { ensureBrowser, reportBudgets, root } from "./lib.mjs";

const strict = process.argv.includes("--strict");
const extra = process.argv.slice(2).filter((a) => a !== "--strict");
const { chromium } = ensureBrowser();
await buildAll();
const figures = join(root, "target", "bench-web.json");
rmSync(figures, { force: true });
const r = spawnSync("npx", ["playwright", "test", "--config", "playwright.bench.config.ts", ...extra], {
  stdio: "inherit",
  cwd: root,
  env: { ...process.env, CHROMIUM_PATH: chromium },
});
const over = reportBudgets("web.", existsSync(figures) ? JSON.parse(readFileSync(figures, "utf8")) : {});
if (r.status !== 0) {
  console.error(`a web benchmark failed (exit ${r.status ?? r.error?.message})`);
  process.exit(1);
}
if (strict && over > 0) process.exit(1);
