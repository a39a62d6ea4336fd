import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";
import { expectPassed, openApp, outputText } from "./helpers";

// Issue 12: obfuscated spellings of emails, IPv4 addresses, phones and cards
// (tests/fixtures/obfuscations.jsonl, the corpus the CLI test runs too) are replaced whole in
// the page, the text around them kept, with a clean leak check.
interface Case {
  form: string;
  category: string;
  before: string;
  value: string;
  after: string;
  plain: string;
  format?: string;
}

const cases: Case[] = readFileSync(new URL("../fixtures/obfuscations.jsonl", import.meta.url), "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Case);

/** Spellings of a plain value that must not survive (as in tests/obfuscation.rs). */
function spellings(plain: string): string[] {
  const out = [plain, plain.replace(/[^A-Za-z0-9]/g, "")];
  const at = plain.indexOf("@");
  if (at > 0) out.push(plain.slice(0, at + 1), plain.slice(at));
  return out;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

test("regression_issue_12 every obfuscated spelling of the corpus is replaced whole in the page", async ({ page }) => {
  test.setTimeout(240_000);
  expect(cases.length).toBeGreaterThanOrEqual(16);
  await openApp(page);
  const failures: string[] = [];
  for (const c of cases) {
    // Cleared first: many cases share their context, so the last output must not pass for this one.
    await page.getByTestId("input").fill("");
    await expect.poll(() => outputText(page)).toBe("");
    await page.getByTestId("input").fill(`${c.before}${c.value}${c.after}`);
    const label = c.category.toUpperCase();
    const whole = new RegExp(`^${escape(c.before)}\\[${label}-\\d+\\]${escape(c.after)}$`);
    try {
      await expect.poll(() => outputText(page), { timeout: 15_000 }).toMatch(whole);
      await expectPassed(page);
    } catch {
      failures.push(`${c.form}: ${JSON.stringify(await outputText(page))}`);
      continue;
    }
    const text = await outputText(page);
    for (const s of [...spellings(c.plain), c.value]) {
      if (text.includes(s)) failures.push(`${c.form}: ${JSON.stringify(s)} left in ${JSON.stringify(text)}`);
    }
  }
  expect(failures).toEqual([]);
});
