import { defineConfig } from "@playwright/test";
import { spawnSync } from "node:child_process";

// Debian's Chromium: no test tool may download a browser.
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** A TCP port free now on 127.0.0.1 (the config must be synchronous, so a child finds it). */
function freePort(): string {
  const r = spawnSync(process.execPath, ["-e", `const s = require("node:net").createServer(); s.listen(0, "127.0.0.1", () => { process.stdout.write(String(s.address().port)); s.close(); });`], { encoding: "utf8" });
  if (r.status !== 0 || !/^\d+$/.test(r.stdout)) throw new Error(`cannot find a free port: ${r.stderr}`);
  return r.stdout;
}
// Chosen once, in the runner: its workers inherit the variable and so load the same URL. A
// fixed port collides with any other run or server on the machine.
process.env.E2E_PORT ??= freePort();
const port = Number(process.env.E2E_PORT);

export default defineConfig({
  testDir: "tests/e2e",
  // Limits that hold on a loaded machine (a shared 2-core box can be 3 × slower than idle):
  // they catch a hang, not slowness. Speed is measured by `npm run bench:web`.
  timeout: 180_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [["list"]],
  outputDir: "target/playwright",
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    browserName: "chromium",
    acceptDownloads: true,
    launchOptions: {
      executablePath: chromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
      ],
    },
  },
  webServer: {
    // E2E_DIST: another build to run the tests against (an older one, to see a test fail).
    command: `node scripts/serve.mjs ${process.env.E2E_DIST ?? "dist"} ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    stdout: "ignore",
  },
});
