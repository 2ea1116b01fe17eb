// @ts-check
// The demo proper: page through every execution of a job with the client, and keep what the summary shows.

/**
 * One execution as the summary needs it.
 * @typedef {object} Seen
 * @property {string} thing the thing's name
 * @property {string} status
 * @property {number} ms how long it took (finished) or has been running (IN_PROGRESS), in ms; 0 if it never started
 * @property {number} retries
 */

/**
 * What a walk through a job found.
 * @typedef {object} Walk
 * @property {Map<string, number>} counts executions per status
 * @property {number} total
 * @property {number} pages
 * @property {Seen[]} slowest the finished executions that took longest, longest first (at most 5)
 * @property {Seen[]} longestRunning the IN_PROGRESS executions started longest ago (at most 3)
 * @property {Seen[]} failed FAILED, TIMED_OUT and REJECTED executions, in listing order
 */

const failures = new Set(["FAILED", "TIMED_OUT", "REJECTED"]);

/**
 * Lists every execution of `jobId`, page by page, and calls `onPage` after each page.
 * @param {import("@iot-jobs/client").IotJobsClient} client
 * @param {string} jobId
 * @param {{ pageSize?: number, now?: () => number, onPage?: (seen: number, pages: number) => void }} [options]
 * @returns {Promise<Walk>}
 * @example
 * const walk = await walkJob(client, "firmware-2026-11", { onPage: (seen) => bar.update(seen) });
 */
export async function walkJob(client, jobId, { pageSize = 250, now = Date.now, onPage } = {}) {
  /** @type {Walk} */
  const walk = { counts: new Map(), total: 0, pages: 0, slowest: [], longestRunning: [], failed: [] };
  /** @type {Seen[]} */
  const finished = [];
  /** @type {Seen[]} */
  const running = [];
  for await (const page of client.paginateListJobExecutionsForJob({ jobId }, { pageSize })) {
    walk.pages += 1;
    for (const { thingArn, jobExecutionSummary: s } of page.executionSummaries ?? []) {
      const status = s?.status ?? "UNKNOWN";
      walk.counts.set(status, (walk.counts.get(status) ?? 0) + 1);
      walk.total += 1;
      const startedAt = s?.startedAt?.getTime();
      const end = status === "IN_PROGRESS" ? now() : (s?.lastUpdatedAt?.getTime() ?? now());
      const seen = {
        thing: thingArn?.slice(thingArn.lastIndexOf("/") + 1) ?? "?",
        status,
        ms: startedAt === undefined ? 0 : end - startedAt,
        retries: s?.retryAttempt ?? 0,
      };
      if (failures.has(status)) walk.failed.push(seen); // REJECTED ones may never have started
      if (startedAt !== undefined) (status === "IN_PROGRESS" ? running : finished).push(seen);
    }
    onPage?.(walk.total, walk.pages);
  }
  // Stable sorts: ties keep listing order.
  walk.slowest = finished.sort((a, b) => b.ms - a.ms).slice(0, 5);
  walk.longestRunning = running.sort((a, b) => b.ms - a.ms).slice(0, 3);
  return walk;
}
