// Section 4, scale: a 1,000,000-execution job in the standalone mock (its own process, seeded through the control
// API), scanned through @iot-jobs/client's paginator over loopback by a fresh client process: total time, per-page
// latency over the first vs the last 10 % of the scan, the client's peak RSS growth (and, as a control, a bare
// fetch loop's over the same scan), and the mock's memory per 1,000,000 executions (full GCs, before vs after seeding).
import { fileURLToPath } from "node:url";
import { run, startServer } from "../processes.mjs";
import { median, ratio, round, roundSummary, summarize } from "../stats.mjs";

const mockServer = fileURLToPath(new URL("../servers/mock-server.mjs", import.meta.url));
const scaleClient = fileURLToPath(new URL("../clients/scale-client.mjs", import.meta.url));
const MB = 1024 * 1024;

/** @typedef {{ executions: number, budgetMs: number }} ScaleOptions */

/** @type {ScaleOptions} */
export const defaults = { executions: 1_000_000, budgetMs: 240_000 };
/** @type {ScaleOptions} */
export const quick = { executions: 5_000, budgetMs: 30_000 };

/**
 * Asks the mock process for its memory after full GCs.
 *
 * @param {import("node:child_process").ChildProcess} child
 * @returns {Promise<{ rss: number, heapUsed: number, external: number, arrayBuffers: number, gc: boolean }>}
 */
function memoryOf(child) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the mock process did not report its memory")), 30_000);
    child.once("message", (message) => {
      clearTimeout(timer);
      resolve(/** @type {any} */ (message));
    });
    child.send("memory");
  });
}

/**
 * Measures section 4.
 *
 * @param {Partial<ScaleOptions>} [options]
 * @example const { client } = await measure({ executions: 100_000 });
 */
export async function measure(options = {}) {
  const { executions, budgetMs } = { ...defaults, ...options };
  const jobId = "scale-1m";
  const mock = await startServer(process.execPath, ["--expose-gc", mockServer], {
    pattern: /listening on (\S+)/,
    ipc: true,
  });
  try {
    const before = await memoryOf(mock.child);
    const t = performance.now();
    const seeded = await fetch(`${mock.url}/_mock/seed`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ scenarios: [{ name: "largeFleet", jobId, count: executions }] }),
    });
    if (seeded.status !== 201) throw new Error(`seeding the mock: HTTP ${seeded.status} ${await seeded.text()}`);
    const seedMs = performance.now() - t;
    const after = await memoryOf(mock.child);
    const scan = async (/** @type {"client" | "fetch"} */ mode, /** @type {number} */ ms) => {
      const args = ["--endpoint", mock.url, "--job-id", jobId, "--expected", String(executions)];
      const out = await run(
        process.execPath,
        ["--expose-gc", scaleClient, ...args, "--budget-ms", String(ms), "--mode", mode],
        { timeoutMs: ms + 60_000 },
      );
      if (out.status !== 0)
        throw new Error(`scale ${mode} exited ${out.status ?? out.signal}: ${out.stderr.slice(-2000)}`);
      return JSON.parse(out.stdout.trim().split("\n").at(-1) ?? "{}");
    };
    // The client first, then the control (a bare fetch loop over the same job) in another fresh process.
    const client = await scan("client", budgetMs * 0.6);
    const control = await scan("fetch", budgetMs * 0.4);
    return summarizeScale(client, { executions, seedMs, before, after }, control);
  } finally {
    await mock.stop();
  }
}

/**
 * @typedef {{ complete: boolean, items: number, totalMs: number, pageMs: number[], baselineRss: number,
 *   sampledPeakRss: number, peakRss: number | null, retainedHeap: number, growthByTenth?: number[] }} RawScan
 */

/**
 * The figures of one scan: time, per-page latency at the start vs the end, memory growth.
 *
 * @param {RawScan} scan
 */
export function scanFigures(scan) {
  const tenth = Math.max(1, Math.floor(scan.pageMs.length / 10));
  const first = median(scan.pageMs.slice(0, tenth));
  const last = median(scan.pageMs.slice(-tenth));
  const peak = Math.max(scan.peakRss ?? 0, scan.sampledPeakRss);
  return {
    complete: scan.complete,
    items: scan.items,
    pages: scan.pageMs.length,
    totalSeconds: round(scan.totalMs / 1000, 4),
    itemsPerSecond: round(scan.items / (scan.totalMs / 1000), 4),
    pageMs: roundSummary(summarize(scan.pageMs)),
    first10PercentMedianMs: round(first, 4),
    last10PercentMedianMs: round(last, 4),
    "last/first": round(ratio(last, first) ?? Number.NaN, 4),
    baselineRssMB: round(scan.baselineRss / MB, 4),
    peakRssGrowthMB: round((peak - scan.baselineRss) / MB, 4),
    sampledRssGrowthMB: round((scan.sampledPeakRss - scan.baselineRss) / MB, 4),
    rssGrowthByTenthMB: (scan.growthByTenth ?? []).map((b) => round(b / MB, 3)),
    retainedHeapGrowthMB: round(scan.retainedHeap / MB, 4),
  };
}

/**
 * The section's result from the client's raw output, the control's, and the mock's memory readings.
 *
 * @param {RawScan} scan
 * @param {{ executions: number, seedMs: number, before: { rss: number, heapUsed: number, arrayBuffers: number, gc: boolean },
 *   after: { rss: number, heapUsed: number, arrayBuffers: number } }} mock
 * @param {RawScan} [control] the same scan by a bare fetch loop
 */
export function summarizeScale(scan, { executions, seedMs, before, after }, control) {
  const perMillion = 1_000_000 / executions;
  return {
    status: scan.complete ? "measured" : "partial",
    ...(scan.complete ? {} : { reason: `time cap reached after ${scan.items} executions` }),
    settings: { executions, pageSize: 250, seededWith: "control API, scenario largeFleet" },
    client: scanFigures(scan),
    control: control ? { what: "unsigned fetch + JSON.parse loop", ...scanFigures(control) } : null,
    mock: {
      gc: before.gc,
      seedSeconds: round(seedMs / 1000, 4),
      rssBeforeMB: round(before.rss / MB, 4),
      rssAfterMB: round(after.rss / MB, 4),
      rssPerMillionMB: round(((after.rss - before.rss) / MB) * perMillion, 4),
      heapAndBuffersPerMillionMB: round(
        ((after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers) / MB) * perMillion,
        4,
      ),
    },
  };
}
