import type { JobExecutionSummaryForJob } from "@iot-jobs/spec";
import { jobExecutionStatuses } from "../../spec.js";
import type { MockJob } from "../../state/store/job.js";

/** One page read from a job: the wire items, and where the next page starts (absent on the last page). */
export interface Page {
  readonly items: JobExecutionSummaryForJob[];
  readonly next: number | undefined;
}

/**
 * Reads up to `limit` executions with sequence numbers in [`cursor`, `end`), optionally only those now in
 * `status` (-1 for all), in sequence order. Cost O(limit) unfiltered and O(limit × log₃₂ n) filtered (the status
 * index jumps over other statuses), whatever the job's size. `next` is only set when a further match exists,
 * so the last page carries no token.
 *
 * @example
 * readPage(job, { status: -1, cursor: 0, end: job.size, limit: 100 });
 */
export function readPage(
  job: MockJob,
  scan: { status: number; cursor: number; end: number; limit: number; arnPrefix?: string },
): Page {
  const { status, end, limit } = scan;
  const arnPrefix = scan.arnPrefix ?? job.arnPrefix;
  const items: JobExecutionSummaryForJob[] = [];
  if (status < 0) {
    const stop = Math.min(end, scan.cursor + limit);
    for (let seq = scan.cursor; seq < stop; seq++) items.push(summary(job, seq, arnPrefix));
    return { items, next: stop < end ? stop : undefined };
  }
  const set = job.table.byStatus[status]!;
  let seq = set.next(scan.cursor);
  while (seq !== -1 && seq < end && items.length < limit) {
    items.push(summary(job, seq, arnPrefix));
    seq = set.next(seq + 1);
  }
  return { items, next: seq !== -1 && seq < end ? seq : undefined };
}

/** One execution on the wire: epoch seconds, members in the service's order, `startedAt` only once started. */
function summary(job: MockJob, seq: number, arnPrefix: string): JobExecutionSummaryForJob {
  const t = job.table;
  const startedAt = t.startedAt[seq]!;
  return {
    thingArn: arnPrefix + t.names.name(seq),
    jobExecutionSummary: {
      status: jobExecutionStatuses[t.status[seq]!],
      queuedAt: t.queuedAt[seq]! / 1000,
      ...(Number.isNaN(startedAt) ? {} : { startedAt: startedAt / 1000 }),
      lastUpdatedAt: t.lastUpdatedAt[seq]! / 1000,
      executionNumber: t.executionNumber[seq],
      retryAttempt: t.retryAttempt[seq],
    },
  };
}
