import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";
import { expectPassed, openApp, outputText, readStoredZip, recordRequests, SAMPLE, selectInReview } from "./helpers";

test("pasting a log replaces emails and IPs", async ({ page }) => {
  await openApp(page);
  await page.getByTestId("input").fill("Mail bob.smith@contoso.com from 203.0.113.9 or 2001:db8::1");
  const out = page.getByTestId("output");
  await expect(out).toHaveText("Mail [EMAIL-1] from [IPV4-1] or [IPV6-1]");
  await expect(page.getByTestId("copy")).toBeEnabled();
});

test("timestamps, versions and UUIDs are kept", async ({ page }) => {
  await openApp(page);
  await page.getByTestId("input").fill(SAMPLE);
  const out = page.getByTestId("output");
  await expect(out).toContainText("[EMAIL-1]");
  const text = await outputText(page);
  for (const secret of ["jane.doe@contoso.com", "203.0.113.9", "2001:db8:85a3::8a2e:370:7334", "bob.smith @ contoso.com"]) {
    expect(text).not.toContain(secret);
  }
  for (const kept of ["2024-01-15 09:23:11", "v6.1.1.0", "550e8400-e29b-41d4-a716-446655440000"]) {
    expect(text).toContain(kept);
  }
});

test("a dropped file is sanitized and downloads with a sensible name", async ({ page }) => {
  await openApp(page);
  await page.getByTestId("file-input").setInputFiles({
    name: "ticket-4711.log",
    mimeType: "text/plain",
    buffer: Buffer.from(SAMPLE),
  });
  await expect(page.getByTestId("output")).toContainText("[IPV6-1]");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download").click()]);
  expect(download.suggestedFilename()).toBe("ticket-4711.sanitized.log");
  const path = await download.path();
  const content = readFileSync(path, "utf8");
  expect(content).toContain("[EMAIL-1]");
  expect(content).toContain("[IPV4-1]");
  expect(content).not.toContain("jane.doe@contoso.com");
  expect(content).not.toContain("203.0.113.9");
});

test("copy puts the sanitized text on the clipboard", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await openApp(page);
  await page.getByTestId("input").fill("ping 198.51.100.7");
  await expect(page.getByTestId("output")).toHaveText("ping [IPV4-1]");
  await page.getByTestId("copy").click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe("ping [IPV4-1]");
});

test("an engine error fails closed with a clear message", async ({ page }) => {
  await openApp(page);
  await page.getByTestId("input").fill("first 192.0.2.1");
  await expect(page.getByTestId("output")).toHaveText("first [IPV4-1]");
  // A corrupt stored policy makes the engine refuse: no output may look sanitized.
  await page.evaluate(() => localStorage.setItem("logscrub.policy", '{"version":1,"colour":"red"}'));
  await page.getByTestId("input").fill("second 192.0.2.2");
  await expect(page.getByRole("status")).toContainText("unknown field `colour`");
  await expect(page.getByTestId("output")).toHaveText("");
  await expect(page.getByTestId("copy")).toBeDisabled();
  await expect(page.getByTestId("download")).toBeDisabled();
  await page.evaluate(() => localStorage.removeItem("logscrub.policy"));
});

test("no network request after load, none to another origin, whatever the user does", async ({ page, baseURL }) => {
  test.setTimeout(300_000);
  const requests = await recordRequests(page);
  await openApp(page);
  requests.markLoaded();
  // Paste.
  await page.getByTestId("input").fill(SAMPLE);
  await expect(page.getByTestId("output")).toContainText("[EMAIL-1]");
  // One file through the picker, then a download of each kind.
  await page.getByTestId("file-input").setInputFiles({ name: "a.log", mimeType: "text/plain", buffer: Buffer.from(SAMPLE) });
  await expect(page.getByTestId("output")).toContainText("[IPV6-1]");
  for (const id of ["download", "download-report", "download-mapping"]) {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId(id).click()]);
    await download.path();
  }
  await page.getByTestId("passphrase").fill("correct horse");
  const [enc] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-mapping").click()]);
  const encPath = await enc.path();
  expect(readFileSync(encPath, "utf8")).not.toContain("jane.doe");
  // Restore: the encrypted mapping (a wrong passphrase, then the right one), the session's.
  await page.getByTestId("view-restore").click();
  await page.getByTestId("restore-input").fill("Hello [EMAIL-1], and [EMAIL-9].");
  await page.getByTestId("restore-mapping").setInputFiles(encPath);
  await page.getByTestId("restore-passphrase").fill("wrong");
  await page.getByTestId("restore-run").click();
  await expect(page.getByTestId("restore-status")).toContainText("wrong passphrase", { timeout: 60_000 });
  await page.getByTestId("restore-passphrase").fill("correct horse");
  await page.getByTestId("restore-run").click();
  await expect(page.getByTestId("restore-output")).toHaveText("Hello jane.doe@contoso.com, and [EMAIL-9].", { timeout: 60_000 });
  await page.getByTestId("restore-session").click();
  await page.getByTestId("restore-input").fill("Bye [EMAIL-1].");
  await expect(page.getByTestId("restore-output")).toHaveText("Bye jane.doe@contoso.com.");
  await page.getByTestId("restore-copy").click();
  await page.getByTestId("view-sanitize").click();
  // Review: keep a finding, redact a selection, keyboard navigation.
  await page.getByTestId("review").locator(".cm-finding").first().click();
  await expect(page.getByTestId("output")).toContainText("jane.doe@contoso.com");
  await page.getByTestId("review").locator(".cm-content").focus();
  await page.keyboard.press("n");
  await page.keyboard.press("t");
  await page.getByTestId("always").check();
  await selectInReview(page, 1, 4);
  await page.keyboard.press("r");
  await expectPassed(page);
  // Settings: toggles, strategy, allowlist, export, import, reset.
  await page.getByTestId("cat-ipv6").uncheck();
  await page.getByTestId("strategy-email").selectOption("label");
  await page.locator("summary", { hasText: "Allowlist" }).click();
  await page.getByTestId("allow-domains").fill("contoso.com");
  await expectPassed(page);
  const [exported] = await Promise.all([page.waitForEvent("download"), page.getByTestId("policy-export").click()]);
  await exported.path();
  await page.getByTestId("policy-import").setInputFiles({ name: "p.json", mimeType: "application/json", buffer: Buffer.from('{"version":1,"deny_terms":["VPN"]}') });
  await expect(page.getByTestId("output")).not.toContainText("VPN");
  await page.getByTestId("policy-reset").click();
  // Drop and batch, review one, download all; a big file streamed, then cancelled.
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(["x 203.0.113.1\n"], "one.log"));
    dt.items.add(new File(["y 203.0.113.2\n"], "two.log"));
    document.getElementById("drop-zone")!.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  await expect(page.getByTestId("batch-entry").nth(1).getByTestId("entry-status")).toHaveText("1 replaced");
  await page.getByRole("button", { name: "Review two.log" }).click();
  await expect(page.getByTestId("output")).toHaveText("y [IPV4-1]\n");
  await page.getByTestId("zip-reports").check();
  const [zipped] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-all").click()]);
  expect([...readStoredZip(readFileSync(await zipped.path())).keys()]).toEqual([
    "one.sanitized.log",
    "two.sanitized.log",
    "reports/one.report.json",
    "reports/two.report.json",
  ]);
  await page.evaluate(() => {
    const block = "2024-01-15 09:23:11 mail a@contoso.com from 203.0.113.9\n".repeat(20_000);
    const dt = new DataTransfer();
    dt.items.add(new File(new Array(60).fill(block), "big.log"));
    const input = document.querySelector<HTMLInputElement>("[data-testid=file-input]")!;
    input.files = dt.files;
    input.dispatchEvent(new Event("change", { bubbles: true }));
  });
  await expect(page.getByTestId("progress")).toBeVisible();
  await page.getByTestId("cancel").click();
  await expect(page.getByTestId("verdict")).toContainText("Cancelled");
  // Theme, privacy help, and a last paste.
  await page.getByTestId("theme").click();
  await page.locator("#privacy-link").click();
  await page.getByTestId("input").fill(`${SAMPLE}\nmore 192.0.2.44`);
  await expect(page.getByTestId("output")).toContainText("[IPV4-2]");
  // Give any late beacon a chance to show up.
  await page.waitForTimeout(500);
  const origin = new URL(baseURL ?? "http://127.0.0.1").origin;
  const foreign = requests.all().filter((r) => !r.url.startsWith(origin) && !r.url.startsWith("blob:") && !r.url.startsWith("data:"));
  expect(foreign, "requests to another origin").toEqual([]);
  expect(requests.afterLoad(), "requests after the page loaded").toEqual([]);
  expect(page.url()).not.toContain("192.0.2");
});

test("README screenshot", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openApp(page);
  await page.getByTestId("input").fill(SAMPLE);
  await expect(page.getByTestId("output")).toContainText("[EMAIL-2]");
  await page.getByTestId("review").locator(".cm-content").focus();
  await page.keyboard.press("n");
  await page.keyboard.press("n");
  await expect(page.getByTestId("review").locator(".cm-tooltip")).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  // Written to the README's image only on request, so a test run leaves the tree clean.
  const path = process.env.UPDATE_SCREENSHOT ? "docs/screenshot.png" : test.info().outputPath("screenshot.png");
  await page.screenshot({ path });
});
