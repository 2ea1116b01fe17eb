import type { JobExecutionStatus } from "../../spec.js";

/**
 * The transitions the service allows, from each status. A device moves a QUEUED execution to IN_PROGRESS or
 * straight to SUCCEEDED, FAILED or REJECTED; an IN_PROGRESS one reports progress (IN_PROGRESS again) or ends;
 * only a started execution can time out (the in-progress timer starts at IN_PROGRESS); CancelJob (with `force`
 * for IN_PROGRESS) cancels, and removing the thing from the target group removes. The other statuses are terminal,
 * except that a job retry configuration re-queues a FAILED or TIMED_OUT execution (see `retry`).
 *
 * @example
 * allowedTransitions.QUEUED.includes("IN_PROGRESS"); // true
 */
export const allowedTransitions: Readonly<Record<JobExecutionStatus, readonly JobExecutionStatus[]>> = {
  QUEUED: ["IN_PROGRESS", "SUCCEEDED", "FAILED", "REJECTED", "CANCELED", "REMOVED"],
  IN_PROGRESS: ["IN_PROGRESS", "SUCCEEDED", "FAILED", "TIMED_OUT", "REJECTED", "CANCELED", "REMOVED"],
  SUCCEEDED: [],
  FAILED: [],
  TIMED_OUT: [],
  REJECTED: [],
  REMOVED: [],
  CANCELED: [],
};

/**
 * Statuses from which a job's retry configuration queues the execution again.
 *
 * @example
 * if (retryableStatuses.includes(job.get("sensor-1")!.status)) job.retry("sensor-1");
 */
export const retryableStatuses: readonly JobExecutionStatus[] = ["FAILED", "TIMED_OUT"];

/**
 * Statuses that imply the execution started, so a fixture in them gets a `startedAt` by default.
 *
 * @example
 * startedStatuses.includes("SUCCEEDED"); // true
 */
export const startedStatuses: readonly JobExecutionStatus[] = ["IN_PROGRESS", "SUCCEEDED", "FAILED", "TIMED_OUT"];
