import { jobExecutionStatuses as fromSpec } from "./spec.js";

/**
 * The job execution statuses, in the spec's order (the JobExecutionStatus enum).
 *
 * @example
 * for (const status of jobExecutionStatuses) console.log(status, job.counts()[status]);
 */
export const jobExecutionStatuses: typeof fromSpec = fromSpec;
