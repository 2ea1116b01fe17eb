// The built playground in headless Chromium, served from loopback like the reference: the page starts MSW's
// service worker with the demo mock, and our client pages through it, retries and fails, all inside the browser.
// What the page must list comes from the same demo fleet built here in Node. No request may leave the site, and
// none may reach the static server's /api either: the worker answers them all. The page runs under the site's strict
// Content-Security-Policy (no 'unsafe-eval'): any refusal fails the test. Saves test-results/playground.png.
// Without Chromium it skips, and fails when CI=true.
import { join } from "node:path";
import type { JobExecutionStatus } from "@iot-jobs/mocks";
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import {
  createDemoMock,
  DEMO_CREDENTIALS,
  DEMO_REGION,
  DEMO_START,
  DEMO_WARMUP_MS,
} from "../../playground/demo-fleet.js";
import { visibleText } from "./reading.js";
import { openRecordedPage, type PageLog } from "./recorded-page.js";
import { resultsDir, skipWithoutChromium, useServedSite } from "./served-site.js";

const skip = skipWithoutChromium("playground browser test");

/** The demo fleet as the page seeds it: what each listing must add up to. */
const demo = createDemoMock("http://demo.invalid/api");
const fleetCount = (jobId: string, status?: JobExecutionStatus) => {
  const counts = demo.store.job(jobId)?.counts();
  if (!counts) throw new Error(`the demo has no job ${jobId}`);
  return status ? counts[status] : Object.values(counts).reduce((a, b) => a + b, 0);
};

/** "20 of 20 executions" → { pages, listed, of, end } from the listing's progress line. */
async function progress(page: Page) {
  const text = await visibleText(page.locator("#pg-count"));
  const [pages, listed, of] = (text.match(/[\d,]+/g) ?? []).map((n) => Number(n.replaceAll(",", "")));
  return { pages, listed, of, end: text.includes("end of the list"), text };
}

/** The status counts the mock panel shows, by status. */
function shownCounts(page: Page): Promise<Record<string, number>> {
  return page
    .locator("#pg-counts li")
    .evaluateAll((items) =>
      Object.fromEntries(
        items.map((li) => [
          li.querySelector("span")?.textContent,
          Number(li.querySelector("strong")?.textContent?.replace(/\D/g, "")),
        ]),
      ),
    );
}

describe.skipIf(skip)("the playground in headless Chromium", () => {
  /** Requests that reached the static server under /api: the worker should have answered every one. */
  const apiRequestsServed: string[] = [];
  const site = useServedSite("playground.html", {
    handle: (req) => {
      if (req.url?.startsWith("/api/")) apiRequestsServed.push(String(req.url));
      return false;
    },
  });

  /** Opens the playground in a fresh context (so a fresh worker and mock) once it listed its first page. */
  async function open(): Promise<{ page: Page; log: PageLog }> {
    const opened = await openRecordedPage(site.browser, site.origin);
    await opened.page.goto(`${site.origin}/playground.html`);
    // The policy the page runs under: strict, so the mock and the client below work without evaluating code.
    const policy = await opened.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
    expect(policy).toMatch(/script-src 'self' 'report-sample'[^;]*;/);
    expect(policy).not.toContain("'unsafe-eval'");
    await expect.poll(() => visibleText(opened.page.locator("#pg-start"))).toContain("Mock service worker running");
    await expect.poll(() => progress(opened.page).then((p) => p.pages)).toBe(1);
    return opened;
  }

  /**
   * Nothing went wrong but the error answers the test asked the mock for: each one is a failed response and the
   * console error Chromium logs for it ("Failed to load resource: ... status of 503"), on the API, nothing else.
   */
  function expectClean(log: PageLog, injected: { status: number; count: number }[] = []) {
    const api = `${site.origin}/api/jobs/`;
    const expected = injected.flatMap(({ status, count }) => Array<number>(count).fill(status));
    const failed = log.failedResponses.map((r) => r.split(" "));
    expect(
      failed.every(([, url]) => url?.startsWith(api)),
      log.failedResponses.join("\n"),
    ).toBe(true);
    expect(failed.map(([status]) => Number(status)).sort()).toEqual(expected.sort());
    const errors = log.consoleErrors.filter(
      (e) => !/^Failed to load resource: the server responded with a status of (400|503) \(\)$/.test(e),
    );
    expect(log.consoleErrors.length - errors.length).toBe(expected.length);
    expect({ ...log, consoleErrors: errors, failedResponses: [] }).toEqual({
      nonLocal: [],
      consoleErrors: [],
      pageErrors: [],
      cspViolations: [],
      failedResponses: [],
    });
    expect(apiRequestsServed).toEqual([]);
  }

  test("opens offline, branded, and lists the first page with a signed request and the response metadata", async () => {
    const { page, log } = await open();
    await expect(page.title()).resolves.toContain("iot-jobs");
    await expect.poll(() => page.locator(".site-header a[aria-current=page]").textContent()).toBe("Playground");
    expect(await progress(page)).toMatchObject({ pages: 1, listed: 25, of: fleetCount("rollout-in-progress") });
    const request = await visibleText(page.locator("#pg-request"));
    expect(request).toContain(`GET ${site.origin}/api/jobs/rollout-in-progress/things?`);
    expect(request).toContain("maxResults=25");
    // The page signs with its own clock: the scope's date is the day of the x-amz-date it actually sent.
    const amzDate = request.match(/x-amz-date\s+(\d{8})T\d{6}Z/)?.[1];
    expect(amzDate, "the request shows its x-amz-date").toBeDefined();
    expect(request).toContain(`Credential=${DEMO_CREDENTIALS.accessKeyId}/${amzDate}/${DEMO_REGION}/iot/aws4_request`);
    expect(request).toMatch(/SignedHeaders=host;x-amz-content-sha256;x-amz-date,\s*Signature=[0-9a-f]{64}/);
    const response = await visibleText(page.locator("#pg-response"));
    expect(response).toMatch(/HTTP status\s+200/);
    expect(response).toMatch(/Request id\s+[0-9a-f-]{36}/);
    expect(response).toMatch(/Attempts\s+1\b/);
    // Dates are Dates: the wire's epoch seconds, formatted, within the hour before the demo's opening time.
    const times = await page
      .locator("#pg-rows time")
      .evaluateAll((els) =>
        els.map((el): [string, string] => [el.getAttribute("datetime") ?? "", el.textContent ?? ""]),
      );
    expect(times.length).toBeGreaterThan(25);
    const opening = Date.parse(DEMO_START) + DEMO_WARMUP_MS;
    for (const [iso, text] of times) {
      expect(Date.parse(iso)).toBeGreaterThanOrEqual(Date.parse(DEMO_START) - 3_600_000);
      expect(Date.parse(iso)).toBeLessThanOrEqual(opening);
      expect(text).toMatch(/\d{1,2}:\d{2}:\d{2}/);
      expect(text).not.toContain(iso);
    }
    expectClean(log);
  });

  test("pages a filtered job to its end, and scans a large one: the counts are the seeded fleet's", async () => {
    const { page, log } = await open();
    await page.getByLabel("Job", { exact: true }).selectOption("failed-rollout");
    await page.getByLabel("Status", { exact: true }).selectOption("FAILED");
    await page.getByLabel("Page size").fill("6");
    await page.getByLabel("Page size").press("Tab");
    const failed = fleetCount("failed-rollout", "FAILED");
    const pages = Math.ceil(failed / 6);
    await expect.poll(() => progress(page)).toMatchObject({ pages: 1, listed: 6, of: failed });
    for (let n = 2; n <= pages; n++) {
      await page.getByRole("button", { name: "Next page" }).click();
      await expect.poll(() => progress(page).then((p) => p.pages)).toBe(n);
    }
    expect(await progress(page)).toMatchObject({ pages, listed: failed, of: failed, end: true });
    await expect(page.getByRole("button", { name: "Next page" }).isDisabled()).resolves.toBe(true);
    const statuses = await page.locator("#pg-rows .pg-status").allTextContents();
    expect(statuses).toEqual(Array(failed - 6 * (pages - 1)).fill("FAILED"));
    expect(await visibleText(page.locator("#pg-request"))).toContain("status=FAILED");

    await page.getByLabel("Job", { exact: true }).selectOption("large-fleet");
    await page.getByLabel("Page size").fill("250");
    await page.getByLabel("Page size").press("Tab");
    await expect.poll(() => progress(page)).toMatchObject({ pages: 1, listed: 250 });
    await page.getByRole("button", { name: "Scan all" }).click();
    const total = fleetCount("large-fleet", "FAILED");
    await expect.poll(() => progress(page), { timeout: 30_000 }).toMatchObject({ listed: total, of: total, end: true });
    expect((await progress(page)).pages).toBe(Math.ceil(total / 250));
    expectClean(log);
  });

  test("a throttle is retried to success; every request unavailable ends in a typed error", async () => {
    const { page, log } = await open();
    // ThrottlingException on the next two requests: three attempts, then the page.
    await page.getByLabel("Fault", { exact: true }).selectOption("throttling");
    await page.getByLabel("Next requests").check();
    await page.getByLabel("how many").fill("2");
    await page.getByRole("button", { name: "Inject" }).click();
    await expect.poll(() => visibleText(page.locator("#pg-fault-list"))).toContain("throttling · next 2 requests");
    await page.getByRole("button", { name: "First page" }).click();
    const attempts = page.locator("#pg-attempts li");
    await expect
      .poll(() => attempts.allInnerTexts(), { timeout: 20_000 })
      .toEqual([
        expect.stringMatching(/^Attempt 1 · sent · 400 ThrottlingException in \d+ ms$/),
        expect.stringMatching(/^Attempt 2 · retried \d+ ms later · 400 ThrottlingException in \d+ ms$/),
        expect.stringMatching(/^Attempt 3 · retried \d+ ms later · 200 OK in \d+ ms$/),
      ]);
    await expect.poll(() => visibleText(page.locator("#pg-response"))).toMatch(/200 OK[\s\S]*Attempts\s+3\b/);
    await expect.poll(() => progress(page)).toMatchObject({ pages: 1, listed: 25 });
    await page.screenshot({ path: join(resultsDir, "playground.png"), fullPage: true });

    // 503 on every request, four attempts per call: the client gives up with ServiceUnavailableException.
    await page.getByLabel("Attempts per call").fill("4");
    await page.getByLabel("Attempts per call").press("Tab");
    await page.getByLabel("Fault", { exact: true }).selectOption("unavailable");
    await page.getByLabel("Share of requests").check();
    await page.getByLabel("percent").fill("100");
    await page.getByRole("button", { name: "Inject" }).click();
    await page.getByRole("button", { name: "First page" }).click();
    await expect
      .poll(() => attempts.allInnerTexts(), { timeout: 20_000 })
      .toEqual(Array(4).fill(expect.stringContaining("· 503 ServiceUnavailableException in ")));
    const response = page.locator("#pg-response");
    await expect.poll(() => visibleText(response)).toContain("Attempts\n4");
    const facts = await response
      .locator("dl div")
      .evaluateAll((rows) =>
        Object.fromEntries(
          rows.map((row) => [row.querySelector("dt")?.textContent, row.querySelector("dd")?.textContent]),
        ),
      );
    expect(facts).toMatchObject({
      name: "ServiceUnavailableException",
      $fault: "server",
      $retryable: "yes",
      code: "ServiceUnavailableException",
      "HTTP status": "503",
      Attempts: "4",
    });
    expect(await visibleText(page.locator(".pg-verdict"))).toBe("ServiceUnavailableException");
    expectClean(log, [
      { status: 400, count: 2 },
      { status: 503, count: 4 },
    ]);
  });

  test("the mock clock moves the rollout on; reset brings the demo back", async () => {
    const { page, log } = await open();
    const rollout = createDemoMock("http://demo.invalid/api");
    const opening = await shownCounts(page);
    expect(opening).toMatchObject(rollout.store.job("rollout-in-progress")?.counts() ?? {});
    expect(opening.IN_PROGRESS).toBeGreaterThan(0);
    await page.getByRole("button", { name: "+10 min" }).click();
    rollout.clock.advance(10 * 60_000);
    await expect.poll(() => shownCounts(page)).toMatchObject(rollout.store.job("rollout-in-progress")?.counts() ?? {});
    expect((await shownCounts(page)).SUCCEEDED).toBeGreaterThan(opening.SUCCEEDED ?? 0);
    await page.getByRole("button", { name: "Reset" }).click();
    await expect.poll(() => shownCounts(page)).toEqual(opening);
    await expect.poll(() => progress(page)).toMatchObject({ pages: 1, listed: 25 });
    expectClean(log);
  });
});
