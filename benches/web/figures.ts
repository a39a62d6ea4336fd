// Figures of the web benchmark, collected in target/bench-web.json for scripts/bench-web.mjs.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const FIGURES = join(dirname(fileURLToPath(import.meta.url)), "../../target/bench-web.json");

/** Records one figure (tests run one at a time: workers: 1). */
export function recordFigure(key: string, value: number) {
  const all: Record<string, number> = existsSync(FIGURES) ? JSON.parse(readFileSync(FIGURES, "utf8")) : {};
  all[key] = value;
  mkdirSync(dirname(FIGURES), { recursive: true });
  writeFileSync(FIGURES, JSON.stringify(all, null, 2));
}
