import { expect, test } from "@playwright/test";
import { expectPassed, openApp } from "./helpers";

// Issue 14: case numbers, user names in paths, dates of birth (and the categories the other
// free-text detectors fill) each have a sidebar switch and a colour of their own.
const NEW_CATEGORIES = ["name", "location", "country", "address", "case", "username", "date_of_birth"];

const TEXT = [
  "Your case number is 1912160040012345, keep it for reference.",
  "Crash dump at C:\\Users\\mkowalczyk\\AppData\\Local\\CrashDumps\\outlook.dmp",
  "Customer: my DOB is 04/11/1987, build 22631, error 0x80070005",
].join("\n");

test("issue 14: every free-text category has a switch, a count and a distinct colour", async ({ page }) => {
  await openApp(page);
  for (const id of NEW_CATEGORIES) {
    await expect(page.getByTestId(`cat-${id}`)).toHaveCount(1);
    await expect(page.getByTestId(`strategy-${id}`)).toHaveCount(1);
  }
  // Countries are kept by default; every other new category is on.
  await expect(page.getByTestId("cat-country")).not.toBeChecked();
  for (const id of NEW_CATEGORIES.filter((c) => c !== "country")) await expect(page.getByTestId(`cat-${id}`)).toBeChecked();
  // Each category's swatch has a background colour no other category has.
  const colours = await page.locator("#cats .swatch").evaluateAll((els) =>
    els.map((el) => ({ cls: el.className, bg: getComputedStyle(el).backgroundColor })),
  );
  expect(colours.length).toBeGreaterThanOrEqual(23);
  const byColour = new Map<string, string[]>();
  for (const c of colours) byColour.set(c.bg, [...(byColour.get(c.bg) ?? []), c.cls]);
  const shared = [...byColour.values()].filter((v) => v.length > 1);
  expect(shared).toEqual([]);
});

test("issue 14: a case number and a user path are replaced, and the case switch keeps the case id", async ({ page }) => {
  await openApp(page);
  await page.getByTestId("input").fill(TEXT);
  await expectPassed(page);
  const out = page.getByTestId("output");
  await expect(out).toContainText("Your case number is [CASE-1], keep it");
  await expect(out).toContainText("C:\\Users\\[USER-1]\\AppData\\Local\\CrashDumps\\outlook.dmp");
  await expect(out).toContainText("my DOB is [DOB-1], build 22631, error 0x80070005");
  await expect(page.getByTestId("count-case")).toHaveText("1");
  await expect(page.getByTestId("count-username")).toHaveText("1");
  await expect(page.getByTestId("count-date_of_birth")).toHaveText("1");
  // The review marks each in its category's colour class.
  const review = page.getByTestId("review");
  await expect(review.locator(".cm-finding.c-case")).toHaveText("1912160040012345");
  await expect(review.locator(".cm-finding.c-username")).toHaveText("mkowalczyk");
  await page.getByTestId("cat-case").uncheck();
  await expect(out).toContainText("Your case number is 1912160040012345, keep it");
  await expect(out).toContainText("C:\\Users\\[USER-1]\\AppData");
  await expect(page.getByTestId("count-case")).toHaveText("");
  await expectPassed(page);
  const stored = JSON.parse((await page.evaluate(() => localStorage.getItem("logscrub.policy"))) ?? "{}");
  expect(stored.categories).toEqual({ case: false });
});
