// Issue 12: what the page keeps, writes into files and can reach, beyond the sanitized text.
import { expect, test } from "@playwright/test";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { download, expectPassed, openApp, outputText, readStoredZip, selectInReview } from "./helpers";
// @ts-expect-error: a plain ES module of the build scripts
import { serveOnFreePort } from "../../scripts/serve.mjs";

const NOTE_LOG = `2024-01-15 09:23:11 login from 203.0.113.77 by jane.doe@contoso.com

Internal note: refund ZQSELECTEDTERM approved

2024-01-15 09:25:00 done
`;

test("regression_issue_12_report_holds_no_original: Report and reports/*.report.json keep counts, rules and positions, no value", async ({ page }) => {
  await openApp(page);
  await page.getByTestId("input").fill(NOTE_LOG);
  await expectPassed(page);
  const { text } = await download(page, "download-report");
  for (const v of ["203.0.113.77", "jane.doe", "contoso", "ZQSELECTEDTERM", "refund"]) expect(text).not.toContain(v);
  const doc = JSON.parse(text);
  expect(doc.counts.ipv4).toBe(1);
  expect(doc.finding_list.length).toBeGreaterThanOrEqual(3);
  for (const f of doc.finding_list) expect(Object.keys(f).sort()).toEqual(["category", "end", "rule", "start", "strategy"]);
  // The same in the ZIP's reports, for a batch.
  await page.getByTestId("file-input").setInputFiles([
    { name: "a.log", mimeType: "text/plain", buffer: Buffer.from(NOTE_LOG) },
    { name: "b.log", mimeType: "text/plain", buffer: Buffer.from(NOTE_LOG.replace("77", "78")) },
  ]);
  await expect(page.getByTestId("batch-entry").nth(1).getByTestId("entry-status")).toContainText("replaced");
  await page.getByTestId("zip-reports").check();
  const [zipped] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-all").click()]);
  const files = readStoredZip(readFileSync(await zipped.path()));
  const reports = [...files.keys()].filter((n) => n.startsWith("reports/"));
  expect(reports).toEqual(["reports/a.report.json", "reports/b.report.json"]);
  for (const n of reports) {
    const t = files.get(n)!.toString("utf8");
    for (const v of ["203.0.113.7", "jane.doe", "ZQSELECTEDTERM", "refund"]) expect(t, n).not.toContain(v);
    expect(JSON.parse(t).counts.ipv4).toBe(1);
  }
  // The mapping is the file that holds the originals, and says so in its name.
  const mapping = await download(page, "download-mapping");
  expect(mapping.name).toMatch(/mapping\.json$/);
});

test("regression_issue_12_worker_cannot_reach_the_network: no network API in the worker, nothing reaches a local server", async ({ page }) => {
  let hits = 0;
  const server: Server = createServer((_req, res) => {
    hits++;
    res.writeHead(200, { "access-control-allow-origin": "*", "content-type": "text/javascript" }).end("export default 1;");
  });
  server.on("upgrade", (_req, socket) => {
    hits++;
    socket.destroy();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as { port: number }).port;
  try {
    await openApp(page);
    await page.getByTestId("input").fill("mail bob@contoso.com");
    await expectPassed(page);
    const worker = page.workers()[0];
    const names = ["fetch", "XMLHttpRequest", "WebSocket", "EventSource", "importScripts", "Request", "WebTransport", "Worker", "caches", "indexedDB"];
    const left = await worker.evaluate((names) => {
      const found: string[] = [];
      for (const n of names) {
        for (let o: object | null = self; o; o = Object.getPrototypeOf(o)) {
          const d = Object.getOwnPropertyDescriptor(o, n);
          if (d && (d.value !== undefined || d.get)) found.push(`${n} on ${o.constructor?.name}`);
        }
        if ((self as unknown as Record<string, unknown>)[n] !== undefined) found.push(n);
      }
      // Put back? The properties are read-only and non-configurable.
      try {
        Object.defineProperty(self, "fetch", { value: () => 1 });
        found.push("fetch redefinable");
      } catch {
        // expected
      }
      return found;
    }, names);
    expect(left).toEqual([]);
    const attempts = await worker.evaluate(async (base) => {
      const out: string[] = [];
      const g = self as unknown as Record<string, (...a: unknown[]) => unknown>;
      const tries: [string, () => unknown][] = [
        ["fetch", () => g.fetch(`${base}/f`)],
        ["WebSocket", () => new (g.WebSocket as unknown as new (u: string) => unknown)(`${base.replace("http", "ws")}/ws`)],
        ["EventSource", () => new (g.EventSource as unknown as new (u: string) => unknown)(`${base}/es`)],
        ["XMLHttpRequest", () => new (g.XMLHttpRequest as unknown as new () => { open(m: string, u: string): void; send(): void })()],
        ["import", () => import(/* @vite-ignore */ `${base}/m.js`)],
      ];
      for (const [name, f] of tries) {
        try {
          await f();
          out.push(`${name}: no error`);
        } catch {
          // blocked
        }
      }
      return out;
    }, `http://127.0.0.1:${port}`);
    await page.waitForTimeout(500);
    expect(attempts.filter((a) => !a.startsWith("import"))).toEqual([]);
    expect(hits, "requests that reached the local server").toBe(0);
    // The engine still works after the lock-down.
    await page.getByTestId("input").fill("mail carol@contoso.com");
    await expect(page.getByTestId("output")).toHaveText("mail [EMAIL-1]");
  } finally {
    server.close();
  }
});

test("regression_issue_12_csp_as_headers: the server sends the CSP and the build writes header files for static hosts", async ({ request }) => {
  for (const path of ["./", "worker.js", "app.js", "sw.js"]) {
    const res = await request.get(path);
    const h = res.headers();
    expect(h["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(h["content-security-policy"], path).toContain("worker-src 'self'");
    expect(h["content-security-policy"], path).toContain("default-src 'none'");
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["referrer-policy"]).toBe("no-referrer");
  }
  const dist = process.env.E2E_DIST ?? "dist";
  for (const f of ["_headers", "logscrub.nginx.conf", ".htaccess"]) {
    expect(existsSync(join(dist, f)), f).toBe(true);
    const t = readFileSync(join(dist, f), "utf8");
    expect(t, f).toContain("frame-ancestors 'none'");
    expect(t, f).toContain("Referrer-Policy");
  }
});

test("regression_issue_12_tampered_cache_not_served: a cached app.js that does not match the build is not run", async ({ page }) => {
  await openApp(page);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 20_000 });
  const tampered = await page.evaluate(async () => {
    let n = 0;
    for (const k of await caches.keys()) {
      const c = await caches.open(k);
      for (const req of await c.keys()) {
        if (!req.url.endsWith("/app.js")) continue;
        await c.put(req, new Response("document.body.dataset.tampered = 'yes';", { headers: { "content-type": "text/javascript" } }));
        n++;
      }
    }
    return n;
  });
  expect(tampered).toBeGreaterThan(0);
  // The cache is named after the app's scope, not shared with other apps on the origin.
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  for (const k of await page.evaluate(() => caches.keys())) expect(k.endsWith(`@${scope}`), k).toBe(true);
  await page.reload();
  await openApp(page);
  expect(await page.evaluate(() => document.body.dataset.tampered)).toBeUndefined();
  await page.getByTestId("input").fill("mail bob@contoso.com");
  await expect(page.getByTestId("output")).toHaveText("mail [EMAIL-1]");
});

test("regression_issue_12_new_team_policy_on_next_load: policy.json is network first and the page shows which policy is in force", async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), "logscrub-site-"));
  cpSync(process.env.E2E_DIST ?? "dist", dir, { recursive: true });
  writeFileSync(join(dir, "policy.json"), '{"version":1}\n');
  const { server, port } = await serveOnFreePort(dir, 8700);
  try {
    const base = `http://127.0.0.1:${port}/`;
    await page.goto(base);
    await expect(page.locator("body")).toHaveAttribute("data-ready", "true", { timeout: 20_000 });
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 20_000 });
    await page.getByTestId("input").fill("about Project Falcon");
    await expect(page.getByTestId("output")).toHaveText("about Project Falcon");
    // The team publishes a new policy: the next load uses it.
    writeFileSync(join(dir, "policy.json"), '{"version":1,"deny_terms":["Project Falcon"]}\n');
    await page.reload();
    await expect(page.locator("body")).toHaveAttribute("data-ready", "true", { timeout: 20_000 });
    await page.getByTestId("input").fill("about Project Falcon");
    await expectPassed(page);
    expect(await outputText(page)).not.toContain("Falcon");
    await expect(page.getByTestId("policy-source")).toContainText("the team policy (policy.json, last modified");
    // Offline: the cached copy, and the page says so.
    await page.context().setOffline(true);
    await page.reload();
    await expect(page.locator("body")).toHaveAttribute("data-ready", "true", { timeout: 20_000 });
    await expect(page.getByTestId("policy-source")).toContainText("cached for offline use");
    await page.getByTestId("input").fill("about Project Falcon");
    await expectPassed(page);
    expect(await outputText(page)).not.toContain("Falcon");
    await page.context().setOffline(false);
  } finally {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Everything the page keeps in the browser's storage, as one string. */
async function storage(page: import("@playwright/test").Page): Promise<string> {
  return page.evaluate(() => JSON.stringify([{ ...localStorage }, { ...sessionStorage }]));
}

test("regression_issue_12_always_rules_store_hashes: 'always' keeps a keyed hash, never the value; a replaced policy leaves nothing", async ({ page }) => {
  await openApp(page);
  await page.getByTestId("input").fill("about Falcon world, mail a@contoso.com");
  await expect(page.getByTestId("output")).toHaveText("about Falcon world, mail [EMAIL-1]");
  await page.getByTestId("always").check();
  await selectInReview(page, 6, 6);
  await page.getByTestId("redact").click();
  await expect(page.getByTestId("output")).not.toContainText("Falcon");
  await page.getByTestId("review").locator(".cm-finding.c-email").click();
  await expect(page.getByTestId("output")).toContainText("a@contoso.com");
  await expectPassed(page);
  let stored = await storage(page);
  for (const v of ["Falcon", "falcon", "a@contoso.com", "contoso"]) expect(stored).not.toContain(v);
  expect(stored).toContain("logscrub.remembered");
  // Recognised after a reload, from the hashes alone.
  await page.reload();
  await openApp(page);
  await expect(page.getByTestId("policy-source")).toContainText("2 review decision(s) remembered");
  await page.getByTestId("input").fill("FALCON again, a@contoso.com and b@contoso.com");
  await expectPassed(page);
  const out = await outputText(page);
  expect(out).not.toContain("FALCON");
  expect(out).toContain("a@contoso.com");
  expect(out).not.toContain("b@contoso.com");
  // A policy with terms, then another one: the first one's terms are gone from storage.
  await page.getByTestId("policy-import").setInputFiles({ name: "p.json", mimeType: "application/json", buffer: Buffer.from('{"version":1,"deny_terms":["Zebulon Quartermaine"]}') });
  await expect(page.getByTestId("deny-terms")).toHaveValue("Zebulon Quartermaine");
  await page.getByTestId("policy-import").setInputFiles({ name: "q.json", mimeType: "application/json", buffer: Buffer.from('{"version":1}') });
  await expect(page.getByTestId("deny-terms")).toHaveValue("");
  stored = await storage(page);
  expect(stored).not.toContain("Zebulon");
  expect(stored).not.toContain("logscrub.remembered");
  // No form field with user text may be remembered by the browser.
  const fields = await page.evaluate(() =>
    [...document.querySelectorAll("textarea, input:not([type]), input[type=text], input[type=password], input[type=search]")].map((e) => `${e.id}:${e.getAttribute("autocomplete")}`),
  );
  expect(fields.length).toBeGreaterThan(8);
  for (const f of fields) expect(f).toMatch(/:off$/);
});

test("regression_issue_12_file_names_are_sanitized: download names, ZIP entries and the report's file field", async ({ page }) => {
  await openApp(page);
  const name = "john.doe@contoso.com ticket 4242.log";
  await page.getByTestId("file-input").setInputFiles([
    { name, mimeType: "text/plain", buffer: Buffer.from("call from 203.0.113.9\n") },
    { name: "plain.log", mimeType: "text/plain", buffer: Buffer.from("call from 203.0.113.10\n") },
  ]);
  await expect(page.getByTestId("batch-entry").nth(1).getByTestId("entry-status")).toContainText("replaced");
  await page.getByRole("button", { name: `Review ${name}` }).click();
  await expect(page.getByTestId("output")).toHaveText("call from [IPV4-1]\n");
  const out = await download(page, "download");
  expect(out.name).toBe("[EMAIL] ticket 4242.sanitized.log");
  const report = await download(page, "download-report");
  expect(report.name).toBe("[EMAIL] ticket 4242.report.json");
  expect(JSON.parse(report.text).file).toBe("[EMAIL] ticket 4242.log");
  await page.getByTestId("zip-reports").check();
  const [zipped] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-all").click()]);
  const files = readStoredZip(readFileSync(await zipped.path()));
  expect([...files.keys()]).toEqual([
    "[EMAIL] ticket 4242.sanitized.log",
    "plain.sanitized.log",
    "reports/[EMAIL] ticket 4242.report.json",
    "reports/plain.report.json",
  ]);
  for (const [n, data] of files) {
    expect(n).not.toContain("john");
    expect(data.toString("utf8")).not.toContain("john.doe");
  }
});

test("regression_issue_12_encrypt_big_mapping: a mapping of 1,200 emails is encrypted and restores", async ({ page }, info) => {
  test.setTimeout(90_000);
  await openApp(page);
  const lines = Array.from({ length: 1200 }, (_, i) => `2024-01-15 user.number${i}@contoso-example-domain.com logged in`).join("\n");
  await page.getByTestId("input").fill(lines);
  await expectPassed(page);
  await page.getByTestId("passphrase").fill("correct horse battery");
  const [d] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-mapping").click()]);
  expect(d.suggestedFilename()).toMatch(/\.mapping\.enc\.json$/);
  const path = info.outputPath("map.enc.json");
  await d.saveAs(path);
  const enc = JSON.parse(readFileSync(path, "utf8"));
  expect(enc.format).toBe("logscrub-mapping-v1");
  expect(enc.data.length).toBeGreaterThan(125_000);
  await page.getByTestId("view-restore").click();
  await page.getByTestId("restore-mapping").setInputFiles(path);
  await page.getByTestId("restore-passphrase").fill("correct horse battery");
  await page.getByTestId("restore-input").fill("see [EMAIL-1200]");
  await page.getByTestId("restore-run").click();
  await expect(page.getByTestId("restore-output")).toHaveText("see user.number1199@contoso-example-domain.com", { timeout: 30_000 });
});

test("regression_issue_12_bidi_controls_shown: bidirectional controls are shown as placeholders in the output and review", async ({ page }) => {
  await openApp(page);
  const controls = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f", "\u061c"];
  await page.getByTestId("input").fill(`invoice ${controls.join("x")} fdp.exe from 203.0.113.9`);
  await expectPassed(page);
  for (const id of ["output", "review"]) {
    const seen = await page.getByTestId(id).evaluate((host) => {
      const lines = [...(host.shadowRoot?.querySelectorAll(".cm-line") ?? [])].map((l) => l.textContent ?? "").join("\n");
      return { specials: host.shadowRoot?.querySelectorAll(".cm-specialChar").length ?? 0, raw: /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/.test(lines) };
    });
    expect(seen.raw, `${id}: a raw bidi control in the rendered text`).toBe(false);
    expect(seen.specials, `${id}: placeholders`).toBe(controls.length);
  }
});
