// Issue 12, finding 7: a log with `Internal note:` every other line came out nearly empty under
// a green verdict. Each note now ends at the next log record, and the verdict says how much
// went as notes.
import { expect, test } from "@playwright/test";
import { expectPassed, openApp, outputText } from "./helpers";

test("regression issue 12: notes in a log end at the next record and the verdict counts them", async ({ page }) => {
  await openApp(page);
  const lines: string[] = [];
  for (let i = 0; i < 8; i++) {
    lines.push(`2024-03-04 10:${String(Math.floor(i / 60) % 60).padStart(2, "0")}:${String(i % 60).padStart(2, "0")} INFO GET /v2/orders/${i} 200 LOG${i}`);
    lines.push(`Internal note: customer retried ${i}`);
  }
  await page.getByTestId("input").fill(lines.join("\n") + "\n");
  await expectPassed(page);
  const verdict = page.getByTestId("verdict");
  await expect(verdict).toContainText("8 internal note(s) removed: 8 line(s),");
  await expect(verdict).toContainText("% of the input.");
  const out = await outputText(page);
  for (let i = 0; i < 8; i++) expect(out).toContain(`LOG${i}`);
  expect(out).not.toContain("customer retried");
});

test("no notes, no word about them in the verdict", async ({ page }) => {
  await openApp(page);
  await page.getByTestId("input").fill("2024-03-04 10:00:00 INFO GET /v2/orders/1 200\n");
  await expectPassed(page);
  await expect(page.getByTestId("verdict")).not.toContainText("internal note");
});
