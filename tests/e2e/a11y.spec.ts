import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { expectPassed, openApp, SAMPLE } from "./helpers";

for (const theme of ["light", "dark"] as const) {
  test(`axe: no serious or critical violations in the ${theme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    await openApp(page);
    await page.getByTestId("input").fill(SAMPLE);
    await expectPassed(page);
    await page.getByTestId("file-input").setInputFiles([
      { name: "a.log", mimeType: "text/plain", buffer: Buffer.from(SAMPLE) },
      { name: "b.log", mimeType: "text/plain", buffer: Buffer.from(SAMPLE) },
    ]);
    await expectPassed(page);
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg === "rgb(247, 247, 245)").toBe(theme === "light");
    const results = await new AxeBuilder({ page }).analyze();
    console.log(`axe ${theme}: ${results.passes.length} rules pass, violations: ${results.violations.map((v) => `${v.id} (${v.impact})`).join(", ") || "none"}`);
    const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join(", ")}`)).toEqual([]);
    // The Restore view, with output, unknown placeholders and an error message.
    await page.getByTestId("view-restore").click();
    await page.getByTestId("restore-session").click();
    await page.getByTestId("restore-input").fill("Hi [EMAIL-1] and [EMAIL-99]");
    await expect(page.getByTestId("restore-unknown")).toBeVisible();
    const restoreResults = await new AxeBuilder({ page }).analyze();
    const badRestore = restoreResults.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(badRestore.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join(", ")}`)).toEqual([]);
    await page.getByTestId("restore-mapping").setInputFiles({ name: "x.json", mimeType: "application/json", buffer: Buffer.from("nope") });
    await expect(page.getByTestId("restore-status")).toContainText("not a mapping file");
    const errResults = await new AxeBuilder({ page }).analyze();
    expect(errResults.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  });
}

test("the theme follows the system and can be switched", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await openApp(page);
  const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(await bg()).toBe("rgb(22, 24, 23)");
  await page.getByTestId("theme").click(); // system -> light
  expect(await bg()).toBe("rgb(247, 247, 245)");
  await page.reload();
  await openApp(page);
  expect(await bg()).toBe("rgb(247, 247, 245)");
  await page.getByTestId("theme").click(); // light -> dark
  expect(await bg()).toBe("rgb(22, 24, 23)");
});

test("responsive down to 375 px: no horizontal scrolling, everything reachable", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await openApp(page);
  await page.getByTestId("input").fill(SAMPLE);
  await expectPassed(page);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(375);
  for (const id of ["input", "review", "output", "copy", "download", "cat-email"]) {
    const box = await page.getByTestId(id).boundingBox();
    expect(box, id).not.toBeNull();
    expect(box!.x + box!.width, id).toBeLessThanOrEqual(376);
  }
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.filter((v) => v.impact === "critical")).toEqual([]);
});
