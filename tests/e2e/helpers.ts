import { expect, type Page, type Request } from "@playwright/test";

/** Opens the app and waits until the worker has loaded the wasm engine. */
export async function openApp(page: Page) {
  await page.goto("./");
  await expect(page.locator("body")).toHaveAttribute("data-ready", "true", { timeout: 60_000 });
}

/**
 * Records every request the page (or its workers) makes; `afterLoad()` lists those after load.
 * Requests the Content-Security-Policy blocks never reach the network, so Playwright sees no
 * request event for them: CSP violations and "Refused to connect" console errors are recorded
 * as attempted requests too, so that an attempt fails the test even when the CSP stops it.
 */
export async function recordRequests(page: Page) {
  const all: { url: string; afterLoad: boolean }[] = [];
  let loaded = false;
  const onRequest = (r: Request) => all.push({ url: r.url(), afterLoad: loaded });
  page.on("request", onRequest);
  page.context().on("request", onRequest);
  page.on("console", (m) => {
    const text = m.text();
    if (/Refused to (connect|load)|Content Security Policy/i.test(text)) {
      all.push({ url: `csp-blocked: ${text}`, afterLoad: loaded });
    }
  });
  page.on("worker", (w) => {
    w.on("console", (m) => {
      if (/Refused to (connect|load)|Content Security Policy/i.test(m.text())) {
        all.push({ url: `csp-blocked (worker): ${m.text()}`, afterLoad: loaded });
      }
    });
  });
  await page.exposeFunction("__logscrubCspViolation", (uri: string) => {
    all.push({ url: `csp-blocked: ${uri}`, afterLoad: loaded });
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { __logscrubCspViolation: (u: string) => void }).__logscrubCspViolation(e.blockedURI);
    });
  });
  return {
    markLoaded() {
      loaded = true;
    },
    all: () => all,
    afterLoad: () => all.filter((r) => r.afterLoad && !r.url.startsWith("blob:") && !r.url.startsWith("data:")),
  };
}

export const SAMPLE = `[2024-01-15 09:23:11] Customer (jane.doe@contoso.com): Hi, my VPN drops every hour.
[2024-01-15 09:24:02] Agent Mike: Thanks Jane. Which address do you connect from?
[2024-01-15 09:25:40] Customer: From 203.0.113.9, sometimes 2001:db8:85a3::8a2e:370:7334 at home.
[2024-01-15 09:26:13] Agent Mike: Logs show client v6.1.1.0 and request id 550e8400-e29b-41d4-a716-446655440000.
[2024-01-15 09:27:55] Customer: Also cc my colleague bob.smith @ contoso.com please.
`;

/** The sanitized output's text: the lines the output view renders (all of them for a short text;
 * the view is virtualised, so a long one renders only what is near the viewport). */
export async function outputText(page: Page): Promise<string> {
  return page
    .getByTestId("output")
    .evaluate((el) => [...(el.shadowRoot?.querySelectorAll(".cm-line") ?? [])].map((l) => l.textContent ?? "").join("\n"));
}

/** Waits for the leak-check verdict to say the run passed. */
export async function expectPassed(page: Page) {
  await expect(page.getByTestId("verdict")).toContainText("0 residual", { timeout: 60_000 });
}

/** Selects `len` characters from `start` on the first line of the review editor, by keyboard. */
export async function selectInReview(page: Page, start: number, len: number) {
  await page.getByTestId("review").locator(".cm-content").focus();
  await page.keyboard.press("Control+Home");
  for (let i = 0; i < start; i++) await page.keyboard.press("ArrowRight");
  for (let i = 0; i < len; i++) await page.keyboard.press("Shift+ArrowRight");
}

/** Reads a stored (uncompressed) ZIP through its central directory: name → content. Checks the
 * local headers agree and that nothing is compressed; CRCs are left to `unzip -t`. */
export function readStoredZip(buf: Buffer): Map<string, Buffer> {
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error("no end of central directory record");
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error(`bad central directory header ${i}`);
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extra = buf.readUInt16LE(p + 30);
    const comment = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString("utf8");
    if (method !== 0) throw new Error(`${name}: compressed (method ${method})`);
    if (!(flags & 0x0800)) throw new Error(`${name}: the UTF-8 flag is not set`);
    if (buf.readUInt32LE(local) !== 0x04034b50) throw new Error(`${name}: bad local header`);
    const lName = buf.readUInt16LE(local + 26);
    const lExtra = buf.readUInt16LE(local + 28);
    if (buf.subarray(local + 30, local + 30 + lName).toString("utf8") !== name) throw new Error(`${name}: local name differs`);
    const start = local + 30 + lName + lExtra;
    files.set(name, buf.subarray(start, start + size));
    p += 46 + nameLen + extra + comment;
  }
  return files;
}

/** Records the main thread's long tasks (over 50 ms) from now on, in `window.__longTasks`. */
export async function watchLongTasks(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) w.__longTasks.push(e.duration);
    }).observe({ type: "longtask" });
  });
}

export async function longTasks(page: Page): Promise<number[]> {
  return page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
}

/** Clicks a button that saves a file; returns the suggested name and the content. */
export async function download(page: Page, testId: string): Promise<{ name: string; text: string }> {
  const [d] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testId).click()]);
  const { readFileSync } = await import("node:fs");
  return { name: d.suggestedFilename(), text: readFileSync(await d.path(), "utf8") };
}
