import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";
import { openApp, recordRequests, SAMPLE } from "./helpers";

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
  const text = (await out.textContent()) ?? "";
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

test("no network request after load, none to another origin", async ({ page, baseURL }) => {
  const requests = await recordRequests(page);
  await openApp(page);
  requests.markLoaded();
  await page.getByTestId("input").fill(SAMPLE);
  await expect(page.getByTestId("output")).toContainText("[EMAIL-1]");
  await page.getByTestId("file-input").setInputFiles({ name: "a.log", mimeType: "text/plain", buffer: Buffer.from(SAMPLE) });
  await expect(page.getByTestId("output")).toContainText("[IPV6-1]");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download").click()]);
  await download.path();
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
  await page.setViewportSize({ width: 1280, height: 640 });
  await openApp(page);
  await page.getByTestId("input").fill(SAMPLE);
  await expect(page.getByTestId("output")).toContainText("[EMAIL-2]");
  await page.screenshot({ path: "docs/screenshot.png" });
});
