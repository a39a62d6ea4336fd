// `npm test`: the whole suite. Installs what is missing, like `npm start`.
//   Rust unit + integration tests, the wasm binding in headless Chromium,
//   the TypeScript type check, then Playwright end-to-end tests against a fresh dist/.
import { existsSync } from "node:fs";
import { buildAll } from "./build.mjs";
import { log, run } from "./lib.mjs";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const chromedriver = process.env.CHROMEDRIVER ?? "/usr/bin/chromedriver";
if (!existsSync(chromium) || !existsSync(chromedriver)) {
  console.error(`Chromium and ChromeDriver are needed for the browser tests (${chromium}, ${chromedriver}).
Install Debian's packages:  sudo apt-get install -y chromium chromium-driver
(or set CHROMIUM_PATH and CHROMEDRIVER to an existing install).`);
  process.exit(1);
}

await buildAll();

log("cargo test (native)");
run("cargo", ["test", "--all-targets"]);
run("cargo", ["test", "--doc"]);

log("wasm-bindgen tests in headless Chromium");
run("cargo", ["test", "--target", "wasm32-unknown-unknown", "--test", "wasm"], {
  env: {
    ...process.env,
    CHROMEDRIVER: chromedriver,
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER: "wasm-bindgen-test-runner",
    WASM_BINDGEN_TEST_TIMEOUT: "120",
  },
});

// 400 kB until user patterns moved to regex-automata's lazy DFA (linear time, bounded memory),
// which added 68 kB gzipped to the wasm even without Unicode tables and without the regex
// crate's meta engine (that one: 119 kB).
log("bundle size: wasm + JavaScript under 466 kB gzipped");
{
  const { readFileSync } = await import("node:fs");
  const sizes = JSON.parse(readFileSync(new URL("../target/dist-sizes.json", import.meta.url), "utf8"));
  const shipped = Object.entries(sizes).filter(([f]) => f.endsWith(".wasm") || f.endsWith(".js"));
  const total = shipped.reduce((a, [, s]) => a + s.gzip, 0);
  log(`wasm + JS: ${(total / 1000).toFixed(1)} kB gzipped (${shipped.map(([f, s]) => `${f} ${(s.gzip / 1000).toFixed(1)}`).join(", ")})`);
  if (total > 466_000) {
    console.error(`the bundle is ${total} bytes gzipped, over the 466 kB bar`);
    process.exit(1);
  }
}

log("TypeScript type check");
run("npx", ["tsc", "-p", "www", "--noEmit"]);

log("Playwright end-to-end tests against dist/");
run("npx", ["playwright", "test"], { env: { ...process.env, CHROMIUM_PATH: chromium } });
log("all tests passed");
