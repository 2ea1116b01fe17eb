import type { Server } from "node:http";
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { bundle, chromiumPath, launch, servePage } from "./browser.js";

// The built client in a real browser: a page bundled with esbuild (the client's dist plus
// @iot-jobs/mocks/browser), MSW's worker script served as `msw init` would, in Debian's headless Chromium. The
// worker answers with strict SigV4, so a call succeeds only if the client signed it right with Web Crypto: on the
// page's own origin (a custom endpoint) and on the real regional endpoint (cross-origin, never on the network).
const root = fileURLToPath(new URL("../..", import.meta.url));
const ci = process.env.CI === "true";
if (!chromiumPath && !ci)
  console.warn("[@iot-jobs/client] Chromium not found: the browser test is skipped (CI=true makes it fail)");

const page = `
import { createIotJobsClient } from "./dist/index.js";
import { fleet, job, setupIotJobsWorker, TEST_CREDENTIALS } from "@iot-jobs/mocks/browser";

const api = location.origin + "/api";
const { worker, mock } = setupIotJobsWorker({ baseUrl: api, strictAuth: true, clock: { now: "2026-11-29T08:00:00Z" } });
mock.store.createJob(job("fleet-1k", { fleet: fleet(1000, { statuses: { SUCCEEDED: 7, FAILED: 2, QUEUED: 1 } }) }));
await worker.start({ onUnhandledRequest: "error", quiet: true });

const sent = [];
const client = createIotJobsClient({
  region: "us-east-1",
  endpoint: api,
  credentials: TEST_CREDENTIALS,
  fetch: (url, init) => {
    sent.push(new Headers(init?.headers).get("authorization"));
    return fetch(url, init);
  },
});
const result = { webCrypto: typeof crypto.subtle?.sign === "function" && isSecureContext };

const one = await client.listJobExecutionsForJob({ jobId: "fleet-1k", status: "FAILED", maxResults: 5 });
result.signed = {
  error: one.error?.name ?? null,
  status: one.$metadata.httpStatusCode,
  items: one.data?.executionSummaries?.length,
  allFailed: one.data?.executionSummaries?.every((e) => e.jobExecutionSummary?.status === "FAILED"),
  queuedAtIsDate: one.data?.executionSummaries?.[0]?.jobExecutionSummary?.queuedAt instanceof Date,
  requestId: one.$metadata.requestId === mock.history.at(-1)?.requestId,
  authorization: sent[0],
};

const pages = [];
const arns = new Set();
for await (const p of client.paginateListJobExecutionsForJob({ jobId: "fleet-1k" }, { pageSize: 100 })) {
  pages.push(p.executionSummaries.length);
  for (const e of p.executionSummaries) arns.add(e.thingArn);
}
const expected = mock.store.job("fleet-1k").list().map((e) => e.thingArn);
result.scan = { pages, unique: arns.size, inOrder: JSON.stringify([...arns]) === JSON.stringify(expected) };

const wrong = createIotJobsClient({
  region: "us-east-1",
  endpoint: api,
  credentials: { ...TEST_CREDENTIALS, secretAccessKey: "not-the-secret" },
});
const refused = await wrong.listJobExecutionsForJob({ jobId: "fleet-1k" });
result.refused = [refused.error?.name, refused.$metadata.httpStatusCode];
// Without a custom endpoint: the real regional endpoint, cross-origin, answered by the worker all the same.
const regional = await createIotJobsClient({ region: "eu-west-1", credentials: TEST_CREDENTIALS }).listJobExecutionsForJob({
  jobId: "fleet-1k",
  maxResults: 2,
});
result.regional = [regional.error?.name ?? null, regional.data?.executionSummaries?.length];
// A browser clock 20 minutes slow: refused once ("Signature expired"), corrected, retried; later calls sign right.
const skewed = createIotJobsClient({ region: "eu-west-1", credentials: TEST_CREDENTIALS, systemClockOffset: -1_200_000 });
const late = await skewed.listJobExecutionsForJob({ jobId: "fleet-1k", maxResults: 1 });
const again = await skewed.listJobExecutionsForJob({ jobId: "fleet-1k", maxResults: 1 });
result.skew = [late.error?.name ?? null, late.$metadata.attempts, again.$metadata.attempts];
result.history = mock.history.map((r) => [new URL(r.url).host === location.host ? "api" : new URL(r.url).host, r.status]);
window.__result = result;
`;

let server: Server | undefined;
let browser: Browser | undefined;
let origin = "";
let served: string[] = [];
beforeAll(async () => {
  if (!chromiumPath) return;
  const started = await servePage(await bundle(page, root));
  ({ server, origin } = started);
  served = started.requests;
  browser = await launch();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
});

test.runIf(chromiumPath || ci)(
  "in Chromium, a Web Crypto-signed call verifies under strict auth, a 1,000-execution scan completes, a slow clock is corrected",
  async () => {
    expect(chromiumPath, "Chromium is required in CI (scripts/ensure-chromium.sh installs it)").toBeTruthy();
    const tab = await browser!.newPage();
    const errors: string[] = [];
    tab.on("pageerror", (e) => errors.push(e.message));
    tab.on("console", (m) => (m.type() === "error" ? errors.push(m.text()) : undefined));
    await tab.goto(origin);
    await tab.waitForFunction(() => (globalThis as { __result?: unknown }).__result, null, { timeout: 30_000 });
    const result = await tab.evaluate(() => (globalThis as { __result?: unknown }).__result);
    // Chromium logs the two refused calls (the wrong secret's and the slow clock's 403s); nothing else may go wrong.
    expect(errors).toEqual(Array(2).fill("Failed to load resource: the server responded with a status of 403 ()"));
    expect(result).toEqual({
      webCrypto: true,
      signed: {
        error: null,
        status: 200,
        items: 5,
        allFailed: true,
        queuedAtIsDate: true,
        requestId: true,
        authorization: expect.stringMatching(
          /^AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE\/\d{8}\/us-east-1\/iot\/aws4_request, SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}$/,
        ),
      },
      scan: { pages: Array(10).fill(100), unique: 1_000, inOrder: true },
      refused: ["InvalidSignatureException", 403],
      regional: [null, 2],
      skew: [null, 2, 1],
      history: [
        ...Array(11).fill(["api", 200]),
        ["api", 403],
        ["iot.eu-west-1.amazonaws.com", 200],
        ["iot.eu-west-1.amazonaws.com", 403],
        ...Array(2).fill(["iot.eu-west-1.amazonaws.com", 200]),
      ],
    });
    // The worker answered every API call: none reached the page's server.
    expect(served.filter((r) => r.includes("/api/"))).toEqual([]);
    await tab.close();
  },
  60_000,
);
