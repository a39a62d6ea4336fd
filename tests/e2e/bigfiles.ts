// Big-file flows shared by bigfile.spec.ts (which checks what they do, and orders of magnitude
// that no load can break) and the web benchmark benches/web/budgets.spec.ts (which compares
// their figures with the README's budgets).
import { expect, type Page } from "@playwright/test";
import { closeSync, openSync, statSync, writeSync } from "node:fs";
import { expectPassed, longTasks, openApp, watchLongTasks } from "./helpers";
import { sampleMemory } from "./memory";

export const MB = 1024 * 1024;

/** About 1 MiB of log: 20-line blocks in which one line holds an address and an IP. */
export function generatedBlock(): string {
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
export async function openGenerated(page: Page, mb: number, name: string) {
  await page.evaluate(
    ({ mb, name, block }) => {
      (window as unknown as { __file: File }).__file = new File(new Array(mb).fill(block), name, { type: "text/plain" });
    },
    { mb, name, block: generatedBlock() },
  );
  // Generating the file is the test's own work: measure from here on, in separate tasks.
  await watchLongTasks(page);
  await page.waitForTimeout(100);
  await page.evaluate(() => {
    const file = (window as unknown as { __file: File }).__file;
    const dt = new DataTransfer();
    dt.items.add(file);
    const input = document.querySelector<HTMLInputElement>("[data-testid=file-input]")!;
    input.files = dt.files;
    input.dispatchEvent(new Event("change", { bubbles: true }));
  });
}

/** The same log as `openGenerated`, written to disk: a dropped file is read from disk, so the
 * browser does not hold the input in memory (as it does for a File made in the page). */
export function writeGenerated(path: string, mb: number) {
  const block = Buffer.from(generatedBlock());
  const fd = openSync(path, "w");
  for (let i = 0; i < mb; i++) writeSync(fd, block);
  closeSync(fd);
}

/** The long tasks recorded since `watchLongTasks` (ms), and the longest (0 when none). */
async function longTaskFigures(page: Page): Promise<{ all: number[]; longest: number }> {
  const all = await longTasks(page);
  return { all: all.map((d) => Math.round(d)), longest: Math.max(0, ...all) };
}

/** What a run over a big file measured. `memoryX` is the peak PSS of every Chromium process
 * over its level before the file was chosen, in multiples of the file (null without /proc). */
export interface BigFileFigures {
  bytes: number;
  longestTask: number;
  memoryX: number | null;
}

/**
 * A 100 MB log written to disk, dropped on the page and sanitized as a stream in the worker,
 * then downloaded: checks the verdict, the note and the download; measures the main
 * thread's long tasks and the memory.
 */
export async function sanitizeHundredMegabytes(page: Page, path: string): Promise<BigFileFigures> {
  writeGenerated(path, 100);
  const size = statSync(path).size;
  await openApp(page);
  await watchLongTasks(page);
  await page.waitForTimeout(500);
  const mem = sampleMemory();
  await page.getByTestId("file-input").setInputFiles(path);
  await expect(page.getByTestId("progress")).toBeVisible();
  await expect(page.getByTestId("progress-text")).toContainText("MB/s");
  await expect(page.getByTestId("verdict")).toContainText("0 residual", { timeout: 600_000 });
  await expect(page.getByTestId("note")).toContainText("above the 20.0 MB review limit");
  const tasks = await longTaskFigures(page);
  console.log(`long tasks during 100 MB: ${JSON.stringify(tasks.all)}; ${await page.getByTestId("verdict").textContent()}`);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download").click()]);
  expect(download.suggestedFilename()).toBe("huge.sanitized.log");
  expect(statSync(await download.path()).size).toBeGreaterThan(95 * MB);
  const m = mem.stop();
  if (m.overBaseline === null) {
    console.log("memory: /proc not available, not measured");
    return { bytes: size, longestTask: tasks.longest, memoryX: null };
  }
  console.log(
    `memory for a ${(size / MB).toFixed(0)} MB file (PSS of all Chromium processes): baseline ${(m.baseline! / MB).toFixed(0)} MB, ` +
      `peak ${(m.peak / MB).toFixed(0)} MB, peak over baseline ${(m.overBaseline / MB).toFixed(0)} MB = ${(m.overBaseline / size).toFixed(2)} × the file (growth by process: ${m.growth})`,
  );
  return { bytes: size, longestTask: tasks.longest, memoryX: m.overBaseline / size };
}

/** Pastes 5 MB (a real paste event), waits for the verdict, then types a deny term in the
 * settings while the document is loaded. Returns the longest main-thread task while typing. */
export async function pasteFiveMegabytesAndType(page: Page): Promise<number> {
  await openApp(page);
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
  await page.locator("summary", { hasText: "Custom patterns" }).click();
  await page.getByTestId("deny-terms").click();
  await page.keyboard.type("VPN drops", { delay: 40 });
  const tasks = await longTaskFigures(page);
  console.log(`long tasks while typing after a 5 MB paste: ${JSON.stringify(tasks.all)}`);
  await expectPassed(page);
  await expect(page.getByTestId("output")).not.toContainText("VPN drops");
  return tasks.longest;
}

/**
 * A 19 MB file (just under the review limit) with a last line to find: sanitized with the
 * full review, then its output scrolled to the end. Returns the longest main-thread task while
 * scrolling.
 */
export async function scrollNineteenMegabytes(page: Page, path: string): Promise<number> {
  writeGenerated(path, 19);
  const fd = openSync(path, "a");
  writeSync(fd, "2024-01-15 23:59:59 END-OF-LOG mail last.one@contoso.com\n");
  closeSync(fd);
  const size = statSync(path).size;
  await openApp(page);
  await page.waitForTimeout(500);
  const mem = sampleMemory();
  await page.getByTestId("file-input").setInputFiles(path);
  await expectPassed(page);
  await expect(page.getByTestId("note")).toBeHidden();
  const m = mem.stop();
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
  const tasks = await longTaskFigures(page);
  console.log(`long tasks while scrolling the output of ${(size / MB).toFixed(1)} MB: ${JSON.stringify(tasks.all)}`);
  return tasks.longest;
}
