import { expect, type Page, test } from "@playwright/test";
import { appendFileSync, closeSync, openSync, readFileSync, statSync, writeSync } from "node:fs";
import { expectPassed, longTasks, openApp, outputText, watchLongTasks } from "./helpers";
import { sampleMemory } from "./memory";

/** About 1 MiB of log: 20-line blocks in which one line holds an address and an IP. */
function generatedBlock(): string {
  const lines: string[] = [];
  for (let i = 0; i < 20; i++) {
    lines.push(
      i === 3
        ? `2024-01-15 09:23:${10 + i} user ${i} mail jane.doe${i}@contoso.com from 203.0.113.${i}`
        : `2024-01-15 09:23:${10 + i} worker ${i} processed request 550e8400-e29b-41d4-a716-4466554400${10 + i} ok`,
    );
  }
  return (lines.join("\n") + "\n").repeat(Math.ceil(1_048_576 / (lines.join("\n").length + 1)));
}

/** Builds a log of `mb` MiB in the page (a few lines in 20 hold personal data) and opens it. */
async function openGenerated(page: Page, mb: number, name: string) {
  await page.evaluate(
    ({ mb, name, block }) => {
      (window as unknown as { __file: File }).__file = new File(new Array(mb).fill(block), name, { type: "text/plain" });
    },
    { mb, name, block: generatedBlock() },
  );
  // Generating the file is the test's own work: measure from here on, in separate tasks.
  await watchLongTasks(page);
  await page.waitForTimeout(100);
  await page.evaluate(
    () => {
      const file = (window as unknown as { __file: File }).__file;
      const dt = new DataTransfer();
      dt.items.add(file);
      const input = document.querySelector<HTMLInputElement>("[data-testid=file-input]")!;
      input.files = dt.files;
      input.dispatchEvent(new Event("change", { bubbles: true }));
    },
  );
}

/** The same log as `openGenerated`, written to disk: a dropped file is read from disk, so the
 * browser does not hold the input in memory (as it does for a File made in the page). */
function writeGenerated(path: string, mb: number) {
  const block = Buffer.from(generatedBlock());
  const fd = openSync(path, "w");
  for (let i = 0; i < mb; i++) writeSync(fd, block);
  closeSync(fd);
}


test("a 100 MB log is sanitized in the worker with no main-thread task over 100 ms, in under 4 × its size of memory", async ({ page }, info) => {
  test.setTimeout(240_000);
  const path = info.outputPath("huge.log");
  writeGenerated(path, 100);
  const size = statSync(path).size;
  await openApp(page);
  await watchLongTasks(page);
  await page.waitForTimeout(500);
  const mem = sampleMemory();
  await page.getByTestId("file-input").setInputFiles(path);
  await expect(page.getByTestId("progress")).toBeVisible();
  await expect(page.getByTestId("progress-text")).toContainText("MB/s");
  await expect(page.getByTestId("verdict")).toContainText("0 residual", { timeout: 200_000 });
  await expect(page.getByTestId("note")).toContainText("above the 20.0 MB review limit");
  const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
  console.log(`long tasks during 100 MB: ${JSON.stringify(longTasks.map((d) => Math.round(d)))}; ${await page.getByTestId("verdict").textContent()}`);
  expect(Math.max(0, ...longTasks)).toBeLessThan(100);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download").click()]);
  expect(download.suggestedFilename()).toBe("huge.sanitized.log");
  expect(statSync(await download.path()).size).toBeGreaterThan(95 * 1024 * 1024);
  const m = mem.stop();
  if (m.overBaseline === null) {
    console.log("memory: /proc not available, not measured");
    return;
  }
  const MB = 1024 * 1024;
  console.log(
    `memory for a ${(size / MB).toFixed(0)} MB file (PSS of all Chromium processes): baseline ${(m.baseline! / MB).toFixed(0)} MB, ` +
      `peak ${(m.peak / MB).toFixed(0)} MB, peak over baseline ${(m.overBaseline / MB).toFixed(0)} MB = ${(m.overBaseline / size).toFixed(2)} × the file (growth by process: ${m.growth})`,
  );
  expect(m.overBaseline).toBeLessThan(4 * size);
});

test("a big file shows progress and can be cancelled; the page keeps working", async ({ page }) => {
  test.setTimeout(120_000);
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
  test.setTimeout(120_000);
  await openApp(page);
  // A real paste event with 5 MB on the clipboard.
  await page.evaluate(() => {
    const ta = document.querySelector<HTMLTextAreaElement>("[data-testid=input]")!;
    const dt = new DataTransfer();
    dt.setData("text/plain", "2024-01-15 09:23:11 user mail jane.doe@contoso.com said the VPN drops again and again\n".repeat(60_000));
    ta.focus();
    ta.dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
  });
  await expectPassed(page);
  await watchLongTasks(page);
  await expect(page.getByTestId("review")).toContainText("jane.doe@contoso.com");
  // Keep typing: a deny term in the settings while the 5 MB document is loaded.
  await page.locator("summary", { hasText: "Custom patterns" }).click();
  await page.getByTestId("deny-terms").click();
  await page.keyboard.type("VPN drops", { delay: 40 });
  const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
  console.log(`long tasks while typing after a 5 MB paste: ${JSON.stringify(longTasks.map((d) => Math.round(d)))}`);
  expect(Math.max(0, ...longTasks)).toBeLessThan(100);
  await expectPassed(page);
  await expect(page.getByTestId("output")).not.toContainText("VPN drops");
});

test("a file just under the review limit is shown whole in the output view, which scrolls to its end", async ({ page }, info) => {
  test.setTimeout(180_000);
  const path = info.outputPath("review-limit.log");
  writeGenerated(path, 19);
  appendFileSync(path, "2024-01-15 23:59:59 END-OF-LOG mail last.one@contoso.com\n");
  const size = statSync(path).size;
  await openApp(page);
  await page.waitForTimeout(500);
  const mem = sampleMemory();
  await page.getByTestId("file-input").setInputFiles(path);
  await expectPassed(page);
  await expect(page.getByTestId("note")).toBeHidden();
  const m = mem.stop();
  const MB = 1024 * 1024;
  if (m.overBaseline !== null) {
    console.log(
      `memory for a ${(size / MB).toFixed(1)} MB file with the full review: peak over baseline ${(m.overBaseline / MB).toFixed(0)} MB = ` +
        `${(m.overBaseline / size).toFixed(2)} × the file (growth by process: ${m.growth})`,
    );
  }
  // The whole output is in the view (not the first 200 KB): its last line is reachable by scrolling.
  const output = page.getByTestId("output");
  expect(Number(await output.getAttribute("data-chars"))).toBeGreaterThan(size - 2 * MB);
  await expect(output).not.toContainText("END-OF-LOG");
  await watchLongTasks(page);
  for (const frac of [0.25, 0.5, 0.75, 1]) {
    await output.evaluate((host, f) => {
      const s = host.shadowRoot!.querySelector(".cm-scroller")!;
      s.scrollTop = (s.scrollHeight - s.clientHeight) * f;
    }, frac);
    await page.waitForTimeout(150);
  }
  await expect(output).toContainText("END-OF-LOG mail [EMAIL-");
  await expect(output).not.toContainText("last.one@contoso.com");
  const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
  console.log(`long tasks while scrolling the output of ${(size / MB).toFixed(1)} MB: ${JSON.stringify(longTasks.map((d) => Math.round(d)))}`);
  // A jump to a far place lays out new lines: allowed to take longer than a frame, not to freeze.
  expect(Math.max(0, ...longTasks)).toBeLessThan(200);
});

test("a big file is read twice: a name first seen at its end is replaced from its first line", async ({ page }, info) => {
  test.setTimeout(180_000);
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
  await expect(page.getByTestId("verdict")).toContainText("0 residual", { timeout: 150_000 });
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
  expect(Math.max(0, ...tasks)).toBeLessThan(1000);
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
