import { expect, test } from "@playwright/test";
import { openApp } from "./helpers";

test("works offline after the first load (service worker)", async ({ page, context }) => {
  await openApp(page);
  // The service worker is active and controls the page once ready.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });
  await context.setOffline(true);
  await page.reload();
  await openApp(page);
  await page.getByTestId("input").fill("offline mail bob@contoso.com from 203.0.113.9");
  await expect(page.getByTestId("output")).toHaveText("offline mail [EMAIL-1] from [IPV4-1]");
  await expect(page.getByTestId("verdict")).toContainText("0 residual");
  await context.setOffline(false);
});
