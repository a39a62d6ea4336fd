import { expect, type Page, type Request } from "@playwright/test";

/** Opens the app and waits until the worker has loaded the wasm engine. */
export async function openApp(page: Page) {
  await page.goto("./");
  await expect(page.locator("body")).toHaveAttribute("data-ready", "true", { timeout: 20_000 });
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

/** The sanitized output's text. */
export async function outputText(page: Page): Promise<string> {
  return (await page.getByTestId("output").textContent()) ?? "";
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
