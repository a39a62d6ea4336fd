import { expect, test } from "@playwright/test";
import { openApp, recordRequests } from "./helpers";

const PAYLOADS = `<script>window.__pwned = "script"</script>
<img src=x onerror="window.__pwned='img'"> from attacker@evil.example
<a href="javascript:window.__pwned='href'">click</a> 203.0.113.66
<svg onload="window.__pwned='svg'"><circle r=1 /></svg>
<iframe srcdoc="<script>parent.__pwned='iframe'</script>"></iframe>
{{7*7}} \${7*7} <%= 7*7 %> {{constructor.constructor('window.__pwned=1')()}}
"><img src=x onerror=alert(1)>  '><svg/onload=alert(2)>
<style>body{display:none}</style><link rel=stylesheet href="https://evil.example/x.css">
<math><mi xlink:href="javascript:alert(3)">m</mi></math>
`;

test("log text is only ever text: no payload executes, no element from the log in the DOM", async ({ page }) => {
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const requests = await recordRequests(page);
  await openApp(page);
  requests.markLoaded();
  const before = await page.evaluate(() => document.querySelectorAll("*").length);
  // Pasted and dropped, reviewed (hover, keep) and in the batch list (file name is a payload too).
  await page.getByTestId("input").fill(PAYLOADS);
  await expect(page.getByTestId("output")).toContainText("[EMAIL-1]");
  await page.getByTestId("file-input").setInputFiles([
    { name: `<img src=x onerror=alert(9)>.log`, mimeType: "text/html", buffer: Buffer.from(PAYLOADS) },
    { name: "b.html", mimeType: "text/html", buffer: Buffer.from(PAYLOADS) },
  ]);
  await expect(page.getByTestId("batch").locator("li")).toHaveCount(2);
  await expect(page.getByTestId("output")).toContainText("{{7*7}}");
  await expect(page.getByTestId("output")).not.toContainText("49");
  await page.getByTestId("review").locator(".cm-finding").first().hover();
  await page.getByTestId("review").locator(".cm-finding").first().click();
  await expect(page.getByTestId("output")).toContainText("attacker@evil.example");
  await page.waitForTimeout(500);

  expect(dialogs).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
  // No element from the log anywhere, in the page or the review's shadow root.
  const found = await page.evaluate(() => {
    const roots: (Document | ShadowRoot)[] = [document];
    for (const el of document.querySelectorAll("*")) if (el.shadowRoot) roots.push(el.shadowRoot);
    const bad = "script:not([src]), img, svg, iframe, math, style, link[href^='http'], a[href^='javascript'], [onerror], [onload]";
    return roots.flatMap((r) => [...r.querySelectorAll(bad)].map((e) => e.outerHTML.slice(0, 80)));
  });
  expect(found).toEqual([]);
  const after = await page.evaluate(() => document.querySelectorAll("*").length);
  expect(after - before).toBeLessThan(40); // batch rows and legend only
  expect(requests.afterLoad()).toEqual([]);
  await expect(page.locator("body")).toBeVisible();
});
