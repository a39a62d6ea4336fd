// The red verdict. No real input is known to leave a residual, so the test serves a wrapped
// worker that reports one: the value "VPN" left in the output.
import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";
import { openApp, outputText, readStoredZip } from "./helpers";

// The offline cache would serve the real worker.
test.use({ serviceWorkers: "block" });

const INJECT = `
const __post = self.postMessage.bind(self);
self.postMessage = (msg, ...rest) => {
  if (msg && msg.type === "result") {
    const t = msg.result.text;
    const at = t.indexOf("VPN");
    if (at >= 0) {
      const start = new TextEncoder().encode(t.slice(0, at)).length;
      msg.result.report.residual = 1;
      msg.result.report.residuals = [{ start, end: start + 3, category: "secret", kind: "injected by the test" }];
    }
  }
  return __post(msg, ...rest);
};
`;

test("a failed leak check is red, withholds the output and points at the residual in the review", async ({ page }) => {
  await page.context().route("**/worker.js", async (route) => {
    const real = await route.fetch();
    await route.fulfill({ response: real, body: INJECT + (await real.text()) });
  });
  await openApp(page);
  // Findings before the residual change the offsets (the output is shorter than the original),
  // and a non-ASCII character makes UTF-8 bytes differ from UTF-16 offsets.
  await page.getByTestId("input").fill("Café: mail jane.doe@contoso.com\nfrom 203.0.113.9 today\nthe VPN drops, says bob@contoso.com\n");
  const verdict = page.getByTestId("verdict");
  await expect(verdict).toContainText("✗ Leak check FAILED: 1 residual value(s) in the output at line 3 (secret, injected by the test)");
  await expect(verdict).toContainText("The result is withheld.");
  await expect(verdict).toHaveClass(/error/);
  await expect(verdict).toHaveCSS("color", /rgb\(1\d\d|rgb\(2\d\d/);
  // Fail closed: nothing that looks sanitized, nothing to copy or download.
  expect(await outputText(page)).toBe("");
  for (const id of ["copy", "download", "download-report", "download-mapping"]) await expect(page.getByTestId(id)).toBeDisabled();
  await expect(page.getByTestId("summary")).toHaveText("");
  // The review marks the residual, selects it and announces it; the legend lists it.
  const review = page.getByTestId("review");
  await expect(review.locator(".cm-residual")).toHaveText("VPN");
  await expect(review.locator(".cm-finding")).toHaveCount(3);
  await expect(page.getByTestId("legend")).toContainText("left in the output (1)");
  await expect(page.locator("#announce")).toContainText("Leak check failed: this secret value is still in the output");
  const selected = () =>
    page.getByTestId("review").evaluate((host) => {
      const sel = (host.shadowRoot as unknown as { getSelection(): Selection }).getSelection?.() ?? getSelection();
      return sel?.toString() ?? "";
    });
  // "Show where in the review" focuses the review with the residual selected.
  await page.getByTestId("show-residual").click();
  await expect(review.locator(".cm-content")).toBeFocused();
  await expect.poll(selected).toBe("VPN");
  await expect(review.locator(".cm-tooltip")).toContainText("Leak check failed");
  // Clicking it does not keep anything; pressing r redacts it by hand and the run passes.
  await page.keyboard.press("r");
  await expect(verdict).toContainText("✓ Leak check: 0 residual");
  await expect(page.getByTestId("show-residual")).toBeHidden();
  expect(await outputText(page)).toBe("Café: mail [EMAIL-1]\nfrom [IPV4-1] today\nthe [REDACTED-1] drops, says [EMAIL-2]\n");
});

test("a failed leak check in a batch: the file is marked, not downloadable, and left out of the archive", async ({ page }) => {
  await page.context().route("**/worker.js", async (route) => {
    const real = await route.fetch();
    await route.fulfill({ response: real, body: INJECT + (await real.text()) });
  });
  await openApp(page);
  await page.getByTestId("file-input").setInputFiles([
    { name: "bad.log", mimeType: "text/plain", buffer: Buffer.from("VPN down for a@contoso.com\n") },
    { name: "good.log", mimeType: "text/plain", buffer: Buffer.from("all fine for b@contoso.com\n") },
  ]);
  const rows = page.getByTestId("batch-entry");
  await expect(rows.nth(0).getByTestId("entry-status")).toHaveText("leak check failed");
  await expect(rows.nth(1).getByTestId("entry-status")).toHaveText("1 replaced");
  await expect(rows.nth(0).getByRole("button", { name: /^Download/ })).toBeDisabled();
  await expect(page.getByTestId("verdict")).toContainText("Leak check FAILED");
  expect(await outputText(page)).toBe("");
  const [zipped] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-all").click()]);
  expect(zipped.suggestedFilename()).toBe("logscrub-sanitized.zip");
  const files = readStoredZip(readFileSync(await zipped.path()));
  expect([...files.keys()]).toEqual(["good.sanitized.log"]);
  expect(files.get("good.sanitized.log")!.toString("utf8")).toBe("all fine for [EMAIL-1]\n");
  await expect(page.getByTestId("zip-status")).toContainText("not included (error or failed leak check): bad.log");
});
