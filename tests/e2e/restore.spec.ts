import { expect, type Page, test } from "@playwright/test";
import { readFileSync } from "node:fs";
import { openApp } from "./helpers";

const LOG = "Mail bob.smith@contoso.com from 203.0.113.9 or 2001:db8::1";
const REPLY = "Hi, we reset [EMAIL-1] and blocked [IPV4-1]; [EMAIL-7] and [IPV4-9] are not ours.";
const RESTORED = "Hi, we reset bob.smith@contoso.com and blocked 203.0.113.9; [EMAIL-7] and [IPV4-9] are not ours.";

/** Sanitizes LOG and downloads its mapping (encrypted when a passphrase is given). */
async function sanitizeAndDownloadMapping(page: Page, passphrase = ""): Promise<{ name: string; path: string }> {
  await openApp(page);
  await page.getByTestId("input").fill(LOG);
  await expect(page.getByTestId("output")).toHaveText("Mail [EMAIL-1] from [IPV4-1] or [IPV6-1]");
  await page.getByTestId("passphrase").fill(passphrase);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-mapping").click()]);
  return { name: download.suggestedFilename(), path: await download.path() };
}

async function expectNoOutput(page: Page) {
  await expect(page.getByTestId("restore-output")).toHaveText("");
  await expect(page.getByTestId("restore-copy")).toBeDisabled();
  await expect(page.getByTestId("restore-unknown")).toBeHidden();
}

async function expectNothingStored(page: Page) {
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  expect(stored).not.toContain("bob.smith");
  expect(stored).not.toContain("203.0.113.9");
}

test("a plain mapping file restores the originals and lists unknown placeholders", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const file = await sanitizeAndDownloadMapping(page);
  expect(file.name).toBe("log.mapping.json");
  await page.getByTestId("view-restore").click();
  await expect(page.getByTestId("input")).toBeHidden();
  await expect(page.getByTestId("restore-passphrase")).toBeHidden();
  await page.getByTestId("restore-mapping").setInputFiles(file.path);
  await expect(page.getByTestId("restore-source")).toContainText("3 replacements");
  await page.getByTestId("restore-input").fill(REPLY);
  await page.getByTestId("restore-run").click();
  await expect(page.getByTestId("restore-output")).toHaveText(RESTORED);
  await expect(page.getByTestId("restore-unknown").locator("li")).toHaveText(["[EMAIL-7]", "[IPV4-9]"]);
  // Editing the reply restores again.
  await page.getByTestId("restore-input").fill("Back to [IPV6-1].");
  await expect(page.getByTestId("restore-output")).toHaveText("Back to 2001:db8::1.");
  await expect(page.getByTestId("restore-unknown")).toBeHidden();
  await page.getByTestId("restore-copy").click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe("Back to 2001:db8::1.");
  // The sanitize view is still there, unchanged.
  await page.getByTestId("view-sanitize").click();
  await expect(page.getByTestId("input")).toHaveValue(LOG);
  await expect(page.getByTestId("output")).toHaveText("Mail [EMAIL-1] from [IPV4-1] or [IPV6-1]");
  await expectNothingStored(page);
});

test("an encrypted mapping needs its passphrase; a wrong one fails closed", async ({ page }) => {
  const file = await sanitizeAndDownloadMapping(page, "correct horse battery");
  expect(file.name).toBe("log.mapping.enc.json");
  expect(readFileSync(file.path, "utf8")).not.toContain("bob.smith");
  await page.getByTestId("view-restore").click();
  await page.getByTestId("restore-input").fill(REPLY);
  await page.getByTestId("restore-mapping").setInputFiles(file.path);
  await expect(page.getByTestId("restore-source")).toContainText("encrypted");
  // No passphrase, then a wrong one: a clear message and no output.
  await page.getByTestId("restore-run").click();
  await expect(page.getByTestId("restore-status")).toContainText("enter its passphrase");
  await expectNoOutput(page);
  await page.getByTestId("restore-passphrase").fill("wrong horse");
  await page.getByTestId("restore-run").click();
  await expect(page.getByTestId("restore-status")).toContainText("wrong passphrase", { timeout: 60_000 });
  await expectNoOutput(page);
  // The right one.
  await page.getByTestId("restore-passphrase").fill("correct horse battery");
  await page.getByTestId("restore-passphrase").press("Enter");
  await expect(page.getByTestId("restore-output")).toHaveText(RESTORED, { timeout: 60_000 });
  await expect(page.getByTestId("restore-unknown").locator("li")).toHaveText(["[EMAIL-7]", "[IPV4-9]"]);
  await expect(page.getByTestId("restore-source")).toContainText("3 replacements");
  await expectNothingStored(page);
});

test("the session's mapping restores without any file", async ({ page }) => {
  await openApp(page);
  await page.getByTestId("view-restore").click();
  await page.getByTestId("restore-session").click();
  await expect(page.getByTestId("restore-status")).toContainText("sanitize a log first");
  await page.getByTestId("view-sanitize").click();
  await page.getByTestId("input").fill(LOG);
  await expect(page.getByTestId("output")).toHaveText("Mail [EMAIL-1] from [IPV4-1] or [IPV6-1]");
  await page.getByTestId("view-restore").click();
  await page.getByTestId("restore-session").click();
  await expect(page.getByTestId("restore-source")).toContainText("this session's");
  await page.getByTestId("restore-input").fill(REPLY);
  await expect(page.getByTestId("restore-output")).toHaveText(RESTORED);
  await expect(page.getByTestId("restore-unknown").locator("li")).toHaveText(["[EMAIL-7]", "[IPV4-9]"]);
  await expectNothingStored(page);
});

test("a bad mapping file gives a clear message and no output", async ({ page }) => {
  const file = await sanitizeAndDownloadMapping(page);
  await page.getByTestId("view-restore").click();
  await page.getByTestId("restore-input").fill(REPLY);
  await page.getByTestId("restore-mapping").setInputFiles(file.path);
  await expect(page.getByTestId("restore-output")).toHaveText(RESTORED);
  // Not JSON.
  await page.getByTestId("restore-mapping").setInputFiles({ name: "notes.json", mimeType: "application/json", buffer: Buffer.from("hello") });
  await expect(page.getByTestId("restore-status")).toContainText("not a mapping file");
  await expectNoOutput(page);
  // JSON, but not a mapping: the core's message.
  await page.getByTestId("restore-mapping").setInputFiles({ name: "x.json", mimeType: "application/json", buffer: Buffer.from('{"version":1,"entries":[],"colour":"red"}') });
  await expect(page.getByTestId("restore-status")).toContainText("invalid mapping");
  await expect(page.getByTestId("restore-status")).toContainText("colour");
  await page.getByTestId("restore-run").click();
  await expect(page.getByTestId("restore-status")).toContainText("Load a mapping first");
  await expectNoOutput(page);
  // A damaged encrypted file.
  const enc = JSON.parse(readFileSync((await (async () => {
    await page.getByTestId("view-sanitize").click();
    await page.getByTestId("passphrase").fill("pw");
    const [d] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-mapping").click()]);
    return d.path();
  })()), "utf8"));
  enc.data = enc.data.slice(0, -8) + "AAAAAAA=";
  await page.getByTestId("view-restore").click();
  await page.getByTestId("restore-mapping").setInputFiles({ name: "m.enc.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(enc)) });
  await page.getByTestId("restore-passphrase").fill("pw");
  await page.getByTestId("restore-run").click();
  await expect(page.getByTestId("restore-status")).toContainText("Could not decrypt", { timeout: 60_000 });
  await expectNoOutput(page);
});
