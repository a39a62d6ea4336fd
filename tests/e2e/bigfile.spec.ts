import { expect, type Page, test } from "@playwright/test";
import { closeSync, openSync, readFileSync, writeSync } from "node:fs";
import { expectPassed, longTasks, openApp, outputText, watchLongTasks } from "./helpers";
import { openGenerated, pasteFiveMegabytesAndType, sanitizeHundredMegabytes, scrollNineteenMegabytes } from "./bigfiles";

// Speed, memory and main-thread budgets are benchmark figures (`npm run bench:web` compares
// them with the README's budgets). These tests check what the page does with big inputs, and
// only orders of magnitude that catch a real regression (a copy of the file per chunk, a
// frozen page) and that no load on the machine can reach: a busy 2-core box stretches a
// 100 ms task to a few hundred, not to a second, and does not multiply memory.
const FROZEN_MS = 1_000;
const MEMORY_X = 20;

test("a 100 MB log is sanitized in the worker without freezing the page, in memory of the order of its size", async ({ page }, info) => {
  test.setTimeout(900_000);
  const m = await sanitizeHundredMegabytes(page, info.outputPath("huge.log"));
  expect(m.longestTask).toBeLessThan(FROZEN_MS);
  if (m.memoryX !== null) expect(m.memoryX).toBeLessThan(MEMORY_X);
});

test("a big file shows progress and can be cancelled; the page keeps working", async ({ page }) => {
  test.setTimeout(300_000);
  await openApp(page);
  await openGenerated(page, 200, "cancel-me.log");
  await expect(page.getByTestId("progress")).toBeVisible();
  await page.getByTestId("cancel").click();
  await expect(page.getByTestId("verdict")).toContainText("Cancelled");
  await expect(page.getByTestId("progress")).toBeHidden();
  await expect(page.getByTestId("download")).toBeDisabled();
  await page.getByTestId("input").fill("after cancel 203.0.113.9");
  await expect(page.getByTestId("output")).toHaveText("after cancel [IPV4-1]");
});

test("pasting a 5 MB log does not freeze typing", async ({ page }) => {
  test.setTimeout(300_000);
  expect(await pasteFiveMegabytesAndType(page)).toBeLessThan(FROZEN_MS);
});

test("a file just under the review limit is shown whole in the output view, which scrolls to its end", async ({ page }, info) => {
  test.setTimeout(600_000);
  // A jump to a far place lays out new lines: allowed to take longer than a frame, not to freeze.
  expect(await scrollNineteenMegabytes(page, info.outputPath("review-limit.log"))).toBeLessThan(2 * FROZEN_MS);
});

test("a big file is read twice: a name first seen at its end is replaced from its first line", async ({ page }, info) => {
  test.setTimeout(600_000);
  const path = info.outputPath("late-name.log");
  const filler = "2024-01-15 09:23:11 worker processed request 550e8400-e29b-41d4-a716-446655440000 ok\n";
  const fd = openSync(path, "w");
  writeSync(fd, "ticket opened by Priya Raghunathan, call back tomorrow\n");
  const block = Buffer.from(filler.repeat(Math.ceil(1_048_576 / filler.length)));
  for (let i = 0; i < 21; i++) writeSync(fd, block);
  writeSync(fd, "From: Priya Raghunathan <priya.r@contoso.com>\n");
  closeSync(fd);
  await openApp(page);
  await page.getByTestId("file-input").setInputFiles(path);
  await expect(page.getByTestId("progress-text")).toContainText("pass");
  await expect(page.getByTestId("verdict")).toContainText("0 residual", { timeout: 540_000 });
  await expect(page.getByTestId("note")).toContainText("above the 20.0 MB review limit");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download").click()]);
  const out = readFileSync(await download.path(), "utf8");
  const first = out.slice(0, out.indexOf("\n"));
  expect(first).toMatch(/^ticket opened by \[/);
  expect(out).not.toContain("Priya");
  expect(out).not.toContain("Raghunathan");
  // The streamed report holds no original either (issue 12).
  const [rep] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-report").click()]);
  const report = readFileSync(await rep.path(), "utf8");
  expect(JSON.parse(report).findings).toBeGreaterThan(0);
  for (const v of ["Priya", "Raghunathan", "priya.r@contoso.com"]) expect(report).not.toContain(v);
});

/** Pastes `text` into the input as a real paste event. */
async function paste(page: Page, text: string) {
  await page.evaluate((text) => {
    const ta = document.querySelector<HTMLTextAreaElement>("[data-testid=input]")!;
    const dt = new DataTransfer();
    dt.setData("text/plain", text);
    ta.focus();
    ta.dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
  }, text);
}

test("regression_issue_12_single_line_paste: a 5 MB paste on one line does not freeze the page", async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  // Making the 5 MB clipboard is the test's own work: done first, in tasks of its own.
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.setData("text/plain", "2024-01-15T09:23:11Z user jane.doe@contoso.com said the VPN drops again; ".repeat(70_000));
    (window as unknown as { __dt: DataTransfer }).__dt = dt;
  });
  await page.waitForTimeout(200);
  await watchLongTasks(page);
  await page.evaluate(() => {
    const ta = document.querySelector<HTMLTextAreaElement>("[data-testid=input]")!;
    ta.focus();
    const clipboardData = (window as unknown as { __dt: DataTransfer }).__dt;
    ta.dispatchEvent(new ClipboardEvent("paste", { clipboardData, bubbles: true, cancelable: true }));
  });
  await expectPassed(page);
  await expect(page.getByTestId("output")).toContainText("[EMAIL-1]");
  await page.getByTestId("input").click();
  await page.keyboard.type("x", { delay: 40 });
  const tasks = await longTasks(page);
  console.log(`long tasks for a 5 MB single-line paste: ${JSON.stringify(tasks.map((d) => Math.round(d)))}`);
  // Before the fix one task held the page for 8 to 14 s (laying out the wrapped line, then
  // receiving 70,000 finding objects); the bound is wide so that a busy machine does not fail it.
  expect(Math.max(0, ...tasks)).toBeLessThan(FROZEN_MS);
});

test("regression_issue_12_cancel_paste: a paste being sanitized can be cancelled; nothing partial is shown", async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  await paste(page, "2024-01-15 09:23:11 user jane.doe@contoso.com from 203.0.113.9 said the VPN drops\n".repeat(150_000));
  await expect(page.getByTestId("cancel")).toBeVisible({ timeout: 10_000 });
  await page.getByTestId("cancel").click();
  await expect(page.getByTestId("verdict")).toContainText("Cancelled");
  await expect(page.getByTestId("progress")).toBeHidden();
  for (const b of ["copy", "download", "download-report", "download-mapping"]) await expect(page.getByTestId(b)).toBeDisabled();
  expect(await outputText(page)).toBe("");
  // The verdict stays "Cancelled": no late answer of the stopped run shows up.
  await page.waitForTimeout(1500);
  await expect(page.getByTestId("verdict")).toContainText("Cancelled");
  await page.getByTestId("input").fill("after cancel 203.0.113.9");
  await expect(page.getByTestId("output")).toHaveText("after cancel [IPV4-1]");
});

test("regression_issue_12_cancel_file_in_review_size: a file being sanitized in one call is cancelled at once", async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  await openGenerated(page, 15, "whole.log");
  // Read (fast, from memory), then inside the one call that sanitizes the whole text.
  await expect(page.getByTestId("progress-text")).toContainText("15.0 MB of 15.0 MB");
  await page.getByTestId("cancel").click();
  await expect(page.getByTestId("verdict")).toContainText("Cancelled");
  await expect(page.getByTestId("download")).toBeDisabled();
  // The engine is free at once (a new worker), not after the 15 MB run.
  await page.getByTestId("input").fill("after cancel 203.0.113.9");
  await expect(page.getByTestId("output")).toHaveText("after cancel [IPV4-1]", { timeout: 5_000 });
  await expect(page.getByTestId("batch-entry").getByTestId("entry-status")).toHaveText("cancelled");
});
