// `npm run bench:web`: builds dist/ and measures the worker pipeline in headless Chromium.
import { buildAll } from "./build.mjs";
import { run } from "./lib.mjs";

await buildAll();
run("npx", ["playwright", "test", "--config", "playwright.bench.config.ts"]);
