import { expect, test } from "@playwright/test";
import { expectPassed, openApp, outputText, SAMPLE, selectInReview } from "./helpers";

test("the review highlights every finding in its category colour, with a legend and tooltip", async ({ page }) => {
  await openApp(page);
  await page.getByTestId("input").fill(SAMPLE);
  await expectPassed(page);
  const review = page.getByTestId("review");
  await expect(review.locator(".cm-finding.c-email").first()).toHaveText("jane.doe@contoso.com");
  await expect(review.locator(".cm-finding.c-ipv4")).toHaveText("203.0.113.9");
  await expect(review.locator(".cm-finding.c-ipv6")).toHaveText("2001:db8:85a3::8a2e:370:7334");
  await expect(page.getByTestId("legend")).toContainText("email (2)");
  await expect(page.getByTestId("legend")).toContainText("ipv4 (1)");
  // The finding's background is the category colour, not transparent.
  const bg = await review.locator(".cm-finding.c-ipv4").evaluate((e) => getComputedStyle(e).backgroundColor);
  expect(bg).not.toBe("rgba(0, 0, 0, 0)");
  await review.locator(".cm-finding.c-ipv4").hover();
  const tip = review.locator(".cm-tooltip");
  await expect(tip).toContainText("ipv4");
  await expect(tip).toContainText("Rule:");
  await expect(tip).toContainText("Reason:");
});

test("click a finding to keep it, click again to restore it", async ({ page }) => {
  await openApp(page);
  await page.getByTestId("input").fill("Mail jane@contoso.com or call from 203.0.113.9");
  await expect(page.getByTestId("output")).toHaveText("Mail [EMAIL-1] or call from [IPV4-1]");
  await page.getByTestId("review").locator(".cm-finding.c-email").click();
  await expect(page.getByTestId("output")).toHaveText("Mail jane@contoso.com or call from [IPV4-1]");
  await expectPassed(page);
  // Not saved in the policy without "always".
  expect(await page.evaluate(() => localStorage.getItem("logscrub.policy"))).toBeNull();
  await page.getByTestId("review").locator(".cm-kept").click();
  await expect(page.getByTestId("output")).toHaveText("Mail [EMAIL-1] or call from [IPV4-1]");
});

test("select text and redact it by hand; 'always' remembers it across reloads, and undoing forgets it", async ({ page }) => {
  await openApp(page);
  await page.getByTestId("input").fill("about Falcon world, mail a@contoso.com");
  await expect(page.getByTestId("output")).toHaveText("about Falcon world, mail [EMAIL-1]");
  await page.getByTestId("always").check();
  await selectInReview(page, 6, 6);
  await page.getByTestId("redact").click();
  await expect(page.getByTestId("output")).not.toContainText("Falcon");
  await expectPassed(page);
  // Remembered as a keyed hash, not written into the policy.
  expect(await page.evaluate(() => localStorage.getItem("logscrub.policy"))).toBeNull();
  await expect(page.getByTestId("deny-terms")).toHaveValue("");
  // Keep the email for good too.
  await page.getByTestId("review").locator(".cm-finding.c-email").click();
  await expect(page.getByTestId("output")).toContainText("a@contoso.com");
  await expect(page.getByTestId("policy-source")).toContainText("2 review decision(s) remembered");
  // Survives a reload.
  await page.reload();
  await openApp(page);
  await page.getByTestId("input").fill("Falcon again, a@contoso.com");
  await expectPassed(page);
  const out = await outputText(page);
  expect(out).not.toContain("Falcon");
  expect(out).toContain("a@contoso.com");
  // Undo both: they are forgotten.
  await page.getByTestId("review").locator(".cm-kept").click();
  await expect(page.getByTestId("output")).not.toContainText("a@contoso.com");
  await page.getByTestId("review").locator(".cm-finding", { hasText: "Falcon" }).click();
  await expect(page.getByTestId("output")).toContainText("Falcon again");
  await expect(page.getByTestId("policy-source")).not.toContainText("remembered");
  await page.reload();
  await openApp(page);
  await page.getByTestId("input").fill("Falcon again, a@contoso.com");
  await expectPassed(page);
  expect(await outputText(page)).toBe("Falcon again, [EMAIL-1]");
});

test("keyboard: next/previous finding, toggle, focus visible, labels", async ({ page }) => {
  await openApp(page);
  await page.getByTestId("input").fill("one a@contoso.com two 203.0.113.9 three b@contoso.com");
  await expectPassed(page);
  const content = page.getByTestId("review").locator(".cm-content");
  await expect(content).toHaveAttribute("aria-label", /n next finding/);
  await content.focus();
  await page.keyboard.press("n");
  await expect(page.locator("#announce")).toContainText("Finding 1 of 3");
  await page.keyboard.press("n");
  await expect(page.locator("#announce")).toContainText("Finding 2 of 3");
  await expect(page.getByTestId("review").locator(".cm-tooltip")).toContainText("ipv4");
  await page.keyboard.press("p");
  await expect(page.locator("#announce")).toContainText("Finding 1 of 3");
  await page.keyboard.press("t");
  await expect(page.getByTestId("output")).toHaveText("one a@contoso.com two [IPV4-1] three [EMAIL-1]");
  // Buttons work too, and show a focus ring.
  await page.getByTestId("next").focus();
  const outline = await page.getByTestId("next").evaluate((e) => getComputedStyle(e).outlineStyle);
  expect(outline).toBe("solid");
});

test("an email with quoted-printable and base64 parts is reviewed decoded, findings on their values", async ({ page }) => {
  await openApp(page);
  // The address is cut by a quoted-printable soft line break; the phone sits in a base64 part.
  const phone = Buffer.from("Call me on +44 20 7946 0958 please\n").toString("base64");
  const eml = [
    "From: Support <help@contoso.com>",
    "To: Customer <someone@contoso.com>",
    "Subject: Your case",
    "MIME-Version: 1.0",
    'Content-Type: multipart/alternative; boundary="b1"',
    "",
    "--b1",
    'Content-Type: text/plain; charset="utf-8"',
    "Content-Transfer-Encoding: quoted-printable",
    "",
    "Write to jane.doe@cont=",
    "oso.com any time.",
    "--b1",
    'Content-Type: text/plain; charset="utf-8"',
    "Content-Transfer-Encoding: base64",
    "",
    phone,
    "--b1--",
    "",
  ].join("\n");
  await page.getByTestId("input").fill(eml);
  await expectPassed(page);
  const review = page.getByTestId("review");
  await expect(review.locator(".cm-finding.c-email", { hasText: "jane.doe@contoso.com" })).toHaveCount(1);
  await expect(review.locator(".cm-finding.c-phone")).toHaveText("+44 20 7946 0958");
  const out = await outputText(page);
  expect(out).not.toContain("jane.doe");
  expect(out).not.toContain("7946");
  expect(out).toContain("--b1--");
});
