// The client process of the scale section: a fresh Node process that scans a job through @iot-jobs/client's page
// paginator (pageSize 250) over loopback, one page at a time, and prints one JSON line: the time of every page,
// and its memory (RSS sampled per page, and the kernel's high-water mark) relative to a baseline taken after the
// import and one warm-up page. Nothing but the client is loaded, so the figures are the client's; --mode fetch runs
// the same scan with a bare fetch loop as the control.
// Usage: node --expose-gc scale-client.mjs --endpoint <url> --job-id <id> --expected <n> --budget-ms <ms>
//   [--mode client|fetch]
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    endpoint: { type: "string" },
    "job-id": { type: "string" },
    expected: { type: "string" },
    "budget-ms": { type: "string", default: "240000" },
    mode: { type: "string", default: "client" },
  },
});
const jobId = values["job-id"] ?? "";
const expected = Number(values.expected);
const deadline = performance.now() + Number(values["budget-ms"]);

/** The kernel's high-water mark of this process's RSS, in bytes (Linux), or null elsewhere. */
const peakRss = () => {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"))?.[1];
    return kb ? Number(kb) * 1024 : null;
  } catch {
    return null;
  }
};

/**
 * The pages of the scan. `client`: @iot-jobs/client's paginator (signed, validated, Dates, retries). `fetch`: the
 * control, a bare loop of unsigned fetch + JSON.parse following nextToken (the mock accepts unsigned requests), so
 * that the client's memory can be told apart from Node's fetch and V8's own heap sizing.
 *
 * @returns {Promise<{ warmUp: () => Promise<unknown>, pages: () => AsyncIterable<{ executionSummaries?: unknown[] }> }>}
 */
async function scanner() {
  const url = `${values.endpoint}/jobs/${jobId}/things?maxResults=250`;
  if (values.mode === "fetch") {
    const get = async (/** @type {string} */ token) =>
      JSON.parse(await (await fetch(token ? `${url}&nextToken=${encodeURIComponent(token)}` : url)).text());
    return {
      warmUp: () => get(""),
      pages: async function* () {
        let token = "";
        do {
          const page = await get(token);
          yield page;
          token = page.nextToken ?? "";
        } while (token);
      },
    };
  }
  const { createIotJobsClient } = await import("@iot-jobs/client");
  // The mock maps these keys (its TEST_CREDENTIALS) to the account its unscoped seed jobs live in.
  const client = createIotJobsClient({
    region: "us-east-1",
    endpoint: values.endpoint,
    credentials: { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" },
    throwOnError: true,
  });
  return {
    warmUp: () => client.listJobExecutionsForJob({ jobId, maxResults: 250 }),
    pages: () => client.paginateListJobExecutionsForJob({ jobId }, { pageSize: 250 }),
  };
}

const { warmUp, pages } = await scanner();
await warmUp(); // connection, signing key, JIT
globalThis.gc?.();
const baseline = process.memoryUsage.rss();
const baselineHeap = process.memoryUsage().heapUsed;
const peakBefore = peakRss();

const pageMs = [];
let items = 0;
let maxRss = baseline;
let complete = true;
const started = performance.now();
let last = started;
/** @type {number[]} the RSS growth so far at each tenth of the expected pages */
const growthByTenth = [];
const tenth = Math.max(1, Math.ceil(expected / 250 / 10));
for await (const page of pages()) {
  const now = performance.now();
  pageMs.push(now - last);
  items += page.executionSummaries?.length ?? 0;
  maxRss = Math.max(maxRss, process.memoryUsage.rss());
  if (pageMs.length % tenth === 0) growthByTenth.push(maxRss - baseline);
  last = performance.now(); // the next page's time starts after this bookkeeping
  if (last > deadline) {
    complete = false;
    break;
  }
}
const totalMs = performance.now() - started;
if (complete && items !== expected) throw new Error(`scanned ${items} executions, expected ${expected}`);
const peak = peakRss();
globalThis.gc?.();
const retainedHeap = process.memoryUsage().heapUsed - baselineHeap; // after a full GC: what the scan kept
console.log(
  JSON.stringify({
    complete,
    items,
    totalMs,
    pageMs,
    baselineRss: baseline,
    sampledPeakRss: maxRss,
    // VmHWM is the peak over the process's life; the baseline is taken after import and warm-up, so this growth
    // can only overstate the scan's own.
    peakRss: peak,
    peakRssBeforeScan: peakBefore,
    retainedHeap,
    growthByTenth,
    node: process.version,
  }),
);
