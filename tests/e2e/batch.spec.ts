import { expect, test } from "@playwright/test";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { expectPassed, openApp, readStoredZip } from "./helpers";

test("several files form a batch: per-file status and counts, each reviewable and downloadable", async ({ page }) => {
  await openApp(page);
  await page.getByTestId("file-input").setInputFiles([
    { name: "ticket-4711.json", mimeType: "application/json", buffer: Buffer.from('{"from":"a@contoso.com","ip":"203.0.113.9"}') },
    { name: "chat.log", mimeType: "text/plain", buffer: Buffer.from("hi b@contoso.com\n") },
    { name: "notes", mimeType: "text/plain", buffer: Buffer.from("nothing here\n") },
  ]);
  const rows = page.getByTestId("batch-entry");
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0).getByTestId("entry-status")).toHaveText("2 replaced");
  await expect(rows.nth(1).getByTestId("entry-status")).toHaveText("1 replaced");
  await expect(rows.nth(2).getByTestId("entry-status")).toHaveText("0 replaced");
  // The first file is on view; review the second.
  await expect(page.getByTestId("output")).toHaveText('{"from":"[EMAIL-1]","ip":"[IPV4-1]"}');
  await rows.nth(1).getByRole("button", { name: "Review chat.log" }).click();
  await expect(page.getByTestId("output")).toHaveText("hi [EMAIL-1]\n");
  await expect(page.getByTestId("review")).toContainText("hi b@contoso.com");
  await expectPassed(page);
  const names: string[] = [];
  for (const [i, expected] of ["ticket-4711.sanitized.json", "chat.sanitized.log", "notes.sanitized.txt"].entries()) {
    const [d] = await Promise.all([page.waitForEvent("download"), rows.nth(i).getByRole("button", { name: /^Download/ }).click()]);
    names.push(d.suggestedFilename());
    expect(d.suggestedFilename()).toBe(expected);
    if (i === 0) expect(readFileSync(await d.path(), "utf8")).toBe('{"from":"[EMAIL-1]","ip":"[IPV4-1]"}');
  }
  // Download all: one archive with every sanitized file (and, when asked, the reports).
  await page.getByTestId("zip-reports").check();
  const [zipped] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-all").click()]);
  expect(zipped.suggestedFilename()).toBe("logscrub-sanitized.zip");
  const path = await zipped.path();
  const files = readStoredZip(readFileSync(path));
  expect([...files.keys()]).toEqual([...names, "reports/ticket-4711.report.json", "reports/chat.report.json", "reports/notes.report.json"]);
  expect(files.get("ticket-4711.sanitized.json")!.toString("utf8")).toBe('{"from":"[EMAIL-1]","ip":"[IPV4-1]"}');
  expect(files.get("chat.sanitized.log")!.toString("utf8")).toBe("hi [EMAIL-1]\n");
  expect(files.get("notes.sanitized.txt")!.toString("utf8")).toBe("nothing here\n");
  const report = JSON.parse(files.get("reports/chat.report.json")!.toString("utf8"));
  expect(report).toMatchObject({ file: "chat.log", findings: 1, residual: 0 });
  if (existsSync("/usr/bin/unzip")) {
    const r = spawnSync("unzip", ["-t", path], { encoding: "utf8" });
    expect(r.stdout).toContain("No errors detected");
  }
  await expect(page.getByTestId("zip-status")).toHaveText("logscrub-sanitized.zip: 3 sanitized file(s) and 3 report(s).");
  // Without the reports, the sanitized files only.
  await page.getByTestId("zip-reports").uncheck();
  const [plain] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-all").click()]);
  expect([...readStoredZip(readFileSync(await plain.path())).keys()]).toEqual(names);
});

test("files dropped on the drop zone form a batch too", async ({ page }) => {
  await openApp(page);
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(["x 203.0.113.1\n"], "one.log"));
    dt.items.add(new File(["y 203.0.113.2\n"], "two.log"));
    document.getElementById("drop-zone")!.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  await expect(page.getByTestId("batch-entry")).toHaveCount(2);
  await expect(page.getByTestId("batch-entry").nth(1).getByTestId("entry-status")).toHaveText("1 replaced");
});
