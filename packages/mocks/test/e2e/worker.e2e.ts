import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { bundleForBrowser } from "@iot-jobs/test-support/bundle";
import { findChromium, launchChromium } from "@iot-jobs/test-support/chromium";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";

// The browser entry in Debian's Chromium: a page bundled against the built package's export map (browser
// condition), MSW's worker script served as `msw init` would, and the page paging through the mock, all under a
// strict Content-Security-Policy (no 'unsafe-eval': the mocks' validators are precompiled).
const root = fileURLToPath(new URL("../..", import.meta.url));
const ci = process.env.CI === "true";
const chromium = findChromium();
const chromiumPath = "path" in chromium ? chromium.path : undefined;
if (!chromiumPath && !ci)
  console.warn("[@iot-jobs/mocks] Chromium not found: the browser test is skipped (CI=true makes it fail)");

const page = `
import { scenarios, setupIotJobsWorker } from "@iot-jobs/mocks/browser";
const { worker, mock } = setupIotJobsWorker({ baseUrl: location.origin + "/api" });
mock.store.createJob(scenarios.largeFleet({ count: 600 }));
await worker.start({ onUnhandledRequest: "bypass", quiet: true });
const get = (q) => fetch("/api/jobs/large-fleet/things?" + q);
const result = { pages: [] };
let token = "";
do {
  const r = await get("maxResults=250&status=SUCCEEDED" + (token ? "&nextToken=" + encodeURIComponent(token) : ""));
  const body = await r.json();
  result.pages.push([r.status, body.executionSummaries.length, r.headers.get("x-amzn-RequestId") !== null]);
  token = body.nextToken ?? "";
} while (token);
result.invalid = await get("maxResults=300").then(async (r) => [r.status, r.headers.get("x-amzn-ErrorType"), (await r.json()).message]);
mock.faults.script([{ type: "throttling" }, { type: "drop" }]);
result.throttled = await get("").then((r) => [r.status, r.headers.get("x-amzn-ErrorType")]);
result.dropped = await get("").then(() => "answered", (e) => e.name);
result.missing = await fetch("/api/jobs/nope/things").then((r) => r.status);
window.__result = result;
`;

/** Scripts and the worker from the page's own origin only; no 'unsafe-eval', no inline script. */
const STRICT_CSP = "default-src 'none'; script-src 'self' 'report-sample'; worker-src 'self'; connect-src 'self'";

let server: Server;
let browser: Browser | undefined;
let origin = "";
beforeAll(async () => {
  if (!chromiumPath) return;
  const bundle = await bundleForBrowser({ contents: page, resolveDir: root });
  const files: Record<string, [string, string | Uint8Array]> = {
    "/": ["text/html", '<!doctype html><script type="module" src="/page.js"></script>'],
    "/page.js": ["text/javascript", bundle.code],
    "/mockServiceWorker.js": ["text/javascript", readFileSync(`${root}node_modules/msw/lib/mockServiceWorker.js`)],
  };
  server = createServer((req, res) => {
    const file = files[(req.url ?? "/").split("?")[0]!];
    const headers = { "content-type": file?.[0] ?? "text/plain", "content-security-policy": STRICT_CSP };
    res.writeHead(file ? 200 : 404, headers).end(file?.[1] ?? "");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium(chromiumPath);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
});

test.runIf(chromiumPath || ci)(
  "setupIotJobsWorker serves pages, errors and faults inside Chromium",
  async () => {
    expect(chromiumPath, "Chromium is required in CI (scripts/ensure-chromium.sh installs it)").toBeTruthy();
    const tab = await browser!.newPage();
    const errors: string[] = [];
    tab.on("pageerror", (e) => errors.push(e.message));
    // The 400s and the 404 the page asks for are logged as failed loads; a refusal by the policy is what counts.
    tab.on("console", (m) => void (/Content Security Policy/i.test(m.text()) && errors.push(m.text())));
    await tab.addInitScript(() => {
      const seen: string[] = [];
      (globalThis as { __violations?: string[] }).__violations = seen;
      // The event bubbles from the document to the window, where this listener sits from the first script on.
      (globalThis as unknown as EventTarget).addEventListener("securitypolicyviolation", (e) => {
        const { effectiveDirective, sample } = e as unknown as { effectiveDirective: string; sample: string };
        seen.push(`${effectiveDirective}: ${sample}`);
      });
    });
    await tab.goto(origin);
    await tab.waitForFunction(() => (globalThis as { __result?: unknown }).__result, null, { timeout: 30_000 });
    const result = await tab.evaluate(() => (globalThis as { __result?: unknown }).__result);
    expect(errors).toEqual([]);
    expect(await tab.evaluate(() => (globalThis as { __violations?: string[] }).__violations)).toEqual([]);
    expect(result).toEqual({
      pages: [
        [200, 250, true],
        [200, 230, true],
      ],
      invalid: [
        400,
        "InvalidRequestException",
        "1 validation error detected: Value '300' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 250",
      ],
      throttled: [400, "ThrottlingException"],
      dropped: "TypeError",
      missing: 404,
    });
  },
  60_000,
);
