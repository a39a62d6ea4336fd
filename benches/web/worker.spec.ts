// MB/s of the worker pipeline (read in chunks, sanitize, leak check) in headless Chromium,
// on the same inputs as `npm run bench`: the Ubuntu IRC dialogues and the loghub logs,
// repeated to 10 and 100 MB in the page. Not a test: it prints figures.
import { expect, test } from "@playwright/test";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { openApp } from "../../tests/e2e/helpers";

const here = dirname(fileURLToPath(import.meta.url));
const corpus = ["../shared/corpus", join(here, "../../../shared/corpus")].find((p) => existsSync(p));

function seed(kind: string): string {
  if (!corpus) return "";
  if (kind === "ubuntu") {
    const d = JSON.parse(readFileSync(join(corpus, "ubuntu-dialogue-pimlico/dialogues_small.json"), "utf8"));
    return d.map((x: { text: string }) => x.text).join("\n\n");
  }
  const dir = join(corpus, "loghub/raw");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".log"))
    .sort()
    .map((f) => readFileSync(join(dir, f), "latin1"))
    .join("");
}

for (const kind of ["ubuntu", "loghub"]) {
  for (const mb of [10, 100]) {
    test(`web worker: ${kind} ${mb} MB`, async ({ page }) => {
      test.skip(!corpus, "../shared/corpus not found");
      await openApp(page);
      await page.evaluate(
        ({ text, mb, kind }) => {
          const target = mb * 1_000_000;
          const parts: string[] = [];
          let size = 0;
          while (size < target) {
            parts.push(text);
            size += text.length;
          }
          (window as unknown as { __file: File }).__file = new File(parts, `${kind}.log`, { type: "text/plain" });
        },
        { text: seed(kind), mb, kind },
      );
      const t0 = await page.evaluate(() => {
        const file = (window as unknown as { __file: File }).__file;
        const dt = new DataTransfer();
        dt.items.add(file);
        const input = document.querySelector<HTMLInputElement>("[data-testid=file-input]")!;
        input.files = dt.files;
        const start = performance.now();
        input.dispatchEvent(new Event("change", { bubbles: true }));
        return start;
      });
      await expect(page.getByTestId("verdict")).toContainText("0 residual", { timeout: 540_000 });
      const seconds = (await page.evaluate((t) => performance.now() - t, t0)) / 1000;
      const bytes = await page.evaluate(() => (window as unknown as { __file: File }).__file.size);
      console.log(`bench:web ${kind} ${mb} MB: ${(bytes / 1e6 / seconds).toFixed(1)} MB/s (${seconds.toFixed(2)} s)`);
    });
  }
}
