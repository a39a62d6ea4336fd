// The page's budgets (README.md, "Budgets"): memory and main-thread long tasks on big inputs,
// through the same flows as tests/e2e/bigfile.spec.ts. Not a test: each figure is written to
// target/bench-web.json, and `npm run bench:web` prints it against its budget.
import { test } from "@playwright/test";
import { pasteFiveMegabytesAndType, sanitizeHundredMegabytes, scrollNineteenMegabytes } from "../../tests/e2e/bigfiles";
import { recordFigure } from "./figures";

test("budgets: a 100 MB log from disk", async ({ page }, info) => {
  const m = await sanitizeHundredMegabytes(page, info.outputPath("huge.log"));
  recordFigure("web.bigfile.longest_task_ms", m.longestTask);
  if (m.memoryX !== null) recordFigure("web.bigfile.memory_x", m.memoryX);
});

test("budgets: typing after a 5 MB paste", async ({ page }) => {
  recordFigure("web.paste.longest_task_ms", await pasteFiveMegabytesAndType(page));
});

test("budgets: scrolling the output of a 19 MB file", async ({ page }, info) => {
  recordFigure("web.scroll.longest_task_ms", await scrollNineteenMegabytes(page, info.outputPath("review-limit.log")));
});
