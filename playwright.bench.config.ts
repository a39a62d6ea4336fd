import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

// `npm run bench:web`: the browser benchmark, kept out of `npm test`.
export default defineConfig({ ...base, testDir: "benches/web", timeout: 900_000, reporter: [["list"]] });
