import type { ExecutionFixture, FleetFixture, JobFixture } from "./store/types.js";

/** `Omit` that keeps a union a union (so `execution()` still ties `startedAt` to the status). */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * A typed execution fixture: the thing's name plus any fields; the store fills in the rest from the clock
 * (QUEUED, queued now, execution number 1, no retries, `startedAt` when the status implies it).
 *
 * @example
 * execution("sensor-1");                                        // QUEUED
 * execution("sensor-2", { status: "FAILED", retryAttempt: 2 });  // started when queued
 * // @ts-expect-error a QUEUED execution has not started
 * execution("sensor-3", { status: "QUEUED", startedAt: new Date() });
 */
export function execution(
  thingName: string,
  fields: DistributiveOmit<ExecutionFixture, "thingName"> = {},
): ExecutionFixture {
  return { ...fields, thingName } as ExecutionFixture;
}

/**
 * A typed fleet fixture: `count` things with statuses in the given proportions.
 *
 * @example
 * fleet(100_000, { statuses: { SUCCEEDED: 8, IN_PROGRESS: 1, QUEUED: 1 }, thingNamePrefix: "meter-" });
 */
export function fleet(count: number, fields: Omit<FleetFixture, "count"> = {}): FleetFixture {
  return { ...fields, count };
}

/**
 * A typed job fixture, for `mock.store.createJob` or a seed document.
 *
 * @example
 * mock.store.createJob(job("fw-1", { executions: [execution("sensor-1")], fleet: fleet(500) }));
 */
export function job(jobId: string, fields: Omit<JobFixture, "jobId"> = {}): JobFixture {
  return { ...fields, jobId };
}
