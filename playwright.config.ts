import { defineConfig } from "@playwright/test";

// Debian's Chromium: no test tool may download a browser.
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const port = Number(process.env.E2E_PORT ?? 8137);

export default defineConfig({
  testDir: "tests/e2e",
  timeout: 60_000,
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
