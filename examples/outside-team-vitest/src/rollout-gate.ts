import type { IotJobsClient, JobExecutionStatus } from "@iot-jobs/client";

/**
 * When a rollout may go on.
 *
 * @example
 * const policy: GatePolicy = { maxFailureRate: 0.05, minFinished: 50 };
 */
export interface GatePolicy {
  /** Largest share of finished executions that may have failed (FAILED, TIMED_OUT, REJECTED), 0..1. */
  readonly maxFailureRate: number;
  /** How many executions must have finished before the rate means anything. @default 1 */
  readonly minFinished?: number;
}

/**
 * What {@link checkRollout} found: a verdict, the counts behind it and the things to look at.
 *
 * @example
 * if (report.verdict === "halt") page(`rollout failing on ${report.failedThings.join(", ")}`);
 */
export interface GateReport {
  readonly verdict: "continue" | "halt" | "wait";
  readonly counts: Readonly<Record<JobExecutionStatus, number>>;
  readonly finished: number;
  readonly failureRate: number;
  /** Names of the things whose execution failed, in listing order. */
  readonly failedThings: readonly string[];
}

const failures: ReadonlySet<JobExecutionStatus> = new Set(["FAILED", "TIMED_OUT", "REJECTED"]);
const running: ReadonlySet<JobExecutionStatus> = new Set(["QUEUED", "IN_PROGRESS"]);

/**
 * Our deployment gate: reads every execution of a firmware job and says whether the rollout may go on. Errors of
 * the service (after the client's retries) are thrown as they are.
 *
 * @example
 * const report = await checkRollout(createIotJobsClient({ region: "eu-west-1" }), "fw-42", { maxFailureRate: 0.05 });
 */
export async function checkRollout(client: IotJobsClient, jobId: string, policy: GatePolicy): Promise<GateReport> {
  const counts: Record<JobExecutionStatus, number> = {
    QUEUED: 0,
    IN_PROGRESS: 0,
    SUCCEEDED: 0,
    FAILED: 0,
    TIMED_OUT: 0,
    REJECTED: 0,
    REMOVED: 0,
    CANCELED: 0,
  };
  const failedThings: string[] = [];
  for await (const execution of client.listAllJobExecutionsForJob({ jobId }, { pageSize: 250 })) {
    const status = execution.jobExecutionSummary?.status;
    if (!status) continue;
    counts[status] += 1;
    if (failures.has(status)) failedThings.push(execution.thingArn?.split("/").pop() ?? "?");
  }
  const finished = Object.entries(counts).reduce(
    (sum, [status, n]) => (running.has(status as JobExecutionStatus) ? sum : sum + n),
    0,
  );
  const failureRate = finished === 0 ? 0 : failedThings.length / finished;
  const verdict =
    finished < (policy.minFinished ?? 1) ? "wait" : failureRate > policy.maxFailureRate ? "halt" : "continue";
  return { verdict, counts, finished, failureRate, failedThings };
}
