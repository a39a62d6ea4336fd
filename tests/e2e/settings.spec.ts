import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";
import { expectPassed, openApp } from "./helpers";

const TEXT = "Mail jane@contoso.com, ops@ourco.com from 10.1.2.3 and 203.0.113.9, employee E123456";

test("category toggles, strategies, allowlist and custom patterns update the result", async ({ page }) => {
  await openApp(page);
  await page.getByTestId("input").fill(TEXT);
  await expectPassed(page);
  await expect(page.getByTestId("count-email")).toHaveText("2");
  await expect(page.getByTestId("count-ipv4")).toHaveText("2");
  const out = page.getByTestId("output");
  await page.getByTestId("cat-ipv4").uncheck();
  await expect(out).toContainText("from 10.1.2.3 and 203.0.113.9");
  await expect(page.getByTestId("count-ipv4")).toHaveText("");
  await page.getByTestId("cat-ipv4").check();
  await page.getByTestId("strategy-email").selectOption("label");
  await expect(out).toContainText("Mail [EMAIL], [EMAIL] from");
  await page.getByTestId("strategy-email").selectOption("remove");
  await expect(out).toContainText("Mail ,  from");
  await page.getByTestId("strategy-email").selectOption("");
  await page.locator("summary", { hasText: "Allowlist" }).click();
  await page.getByTestId("allow-domains").fill("ourco.com");
  await page.getByTestId("allow-cidrs").fill("10.0.0.0/8");
  await expect(out).toContainText("[EMAIL-1], ops@ourco.com from 10.1.2.3 and [IPV4-1]");
  await page.locator("summary", { hasText: "Custom patterns" }).click();
  await page.getByTestId("custom-rules").fill("EMPLOYEE_ID: \\bE\\d{6}\\b");
  await expect(out).toContainText("employee [EMPLOYEE_ID-1]");
  await expectPassed(page);
  const stored = JSON.parse((await page.evaluate(() => localStorage.getItem("logscrub.policy"))) ?? "{}");
  expect(stored.allowlist).toEqual({ email_domains: ["ourco.com"], cidrs: ["10.0.0.0/8"] });
  expect(stored.custom_rules).toEqual([{ label: "EMPLOYEE_ID", pattern: "\\bE\\d{6}\\b" }]);
  // Persisted: the controls show it after a reload.
  await page.reload();
  await openApp(page);
  await expect(page.getByTestId("allow-domains")).toHaveValue("ourco.com");
});

test("invalid settings show the engine's error and fail closed", async ({ page }) => {
  await openApp(page);
  await page.getByTestId("input").fill(TEXT);
  await expectPassed(page);
  await page.locator("summary", { hasText: "Allowlist" }).click();
  await page.getByTestId("allow-patterns").fill("(unclosed");
  await expect(page.getByTestId("verdict")).toContainText("Error:");
  await expect(page.getByTestId("policy-error")).toContainText("(unclosed");
  await expect(page.getByTestId("output")).toHaveText("");
  await expect(page.getByTestId("download")).toBeDisabled();
  await page.getByTestId("allow-patterns").fill("^build-\\d+$");
  await expectPassed(page);
  await expect(page.getByTestId("policy-error")).toBeHidden();
});

test("export and import the policy JSON", async ({ page }) => {
  await openApp(page);
  await page.getByTestId("strategy-email").selectOption("label");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("policy-export").click()]);
  expect(download.suggestedFilename()).toBe("logscrub-policy.json");
  const exported = JSON.parse(readFileSync(await download.path(), "utf8"));
  expect(exported).toEqual({ version: 1, strategies: { email: "label" } });
  await page.getByTestId("policy-import").setInputFiles({
    name: "team.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify({ version: 1, categories: { email: false }, deny_terms: ["Falcon"] })),
  });
  await expect(page.getByTestId("cat-email")).not.toBeChecked();
  await page.getByTestId("input").fill("Falcon: a@contoso.com");
  await expect(page.getByTestId("output")).toHaveText(/^\[\w+(-1)?\]: a@contoso.com$/);
  await page.getByTestId("policy-reset").click();
  await expect(page.getByTestId("output")).toHaveText("Falcon: [EMAIL-1]");
});

test("a team default policy.json next to the page applies when nothing is saved", async ({ page }) => {
  await page.route("**/policy.json", (r) =>
    r.fulfill({ contentType: "application/json", body: JSON.stringify({ version: 1, strategies: { ipv4: "label" } }) }),
  );
  await openApp(page);
  await expect(page.getByTestId("strategy-ipv4")).toHaveValue("label");
  await page.getByTestId("input").fill("from 203.0.113.9");
  await expect(page.getByTestId("output")).toHaveText("from [IPV4]");
});

test("every engine strategy is offered; hash needs a key that is never saved", async ({ page }) => {
  await openApp(page);
  const options = await page.getByTestId("strategy-email").locator("option").allTextContents();
  for (const s of ["numbered", "label", "mask", "partial", "fake", "hash", "remove"]) expect(options).toContain(s);
  await page.getByTestId("input").fill("Mail jane@contoso.com");
  await page.getByTestId("strategy-email").selectOption("hash");
  await expect(page.getByTestId("verdict")).toContainText("key");
  await expect(page.getByTestId("output")).toHaveText("");
  await page.getByTestId("hash-key").fill("a-team-secret-of-enough-length");
  await expect(page.getByTestId("output")).toHaveText(/^Mail \[EMAIL:[0-9a-f]{8}\]$/);
  expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain("a-team-secret");
  await page.getByTestId("strategy-email").selectOption("mask");
  await expect(page.getByTestId("output")).not.toContainText("jane@contoso.com");
  await expect(page.getByTestId("verdict")).toContainText("0 residual");
});
