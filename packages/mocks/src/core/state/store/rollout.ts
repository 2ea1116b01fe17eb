import { FixtureError } from "../../errors.js";
import { type JobExecutionStatus, jobExecutionStatuses } from "../../spec.js";
import type { ClockTask, MockClock } from "../clock/clock.js";
import { seededRandom, weightedPick } from "../prng.js";
import { checkKeys, checkObject } from "./check.js";
import type { ExecutionTable } from "./execution-table.js";
import type { Rollout, RolloutConfig, RolloutOutcome } from "./types.js";

/** What a rollout drives: a job's table and its transitions (a `MockJob` is one). */
export interface RolloutTarget {
  readonly table: ExecutionTable;
  apply(seq: number, to: JobExecutionStatus): void;
  retrySeq(seq: number): void;
}

const outcomeNames: readonly RolloutOutcome[] = ["SUCCEEDED", "FAILED", "TIMED_OUT", "REJECTED"];

function checkConfig(config: unknown): Required<RolloutConfig> {
  checkObject("rollout", config);
  checkKeys("rollout", config, ["ratePerMinute", "durationMs", "outcomes", "maxRetries", "seed"]);
  const { ratePerMinute: rate, durationMs = 60_000, outcomes = { SUCCEEDED: 1 }, maxRetries = 0, seed = 1 } = config;
  if (typeof rate !== "number" || !(rate > 0 && rate <= 1_000_000))
    throw new FixtureError("rollout.ratePerMinute", rate, "must be a number > 0");
  if (typeof durationMs !== "number" || !(durationMs >= 0 && Number.isFinite(durationMs)))
    throw new FixtureError("rollout.durationMs", durationMs, "must be a finite number ≥ 0");
  if (!Number.isInteger(maxRetries) || (maxRetries as number) < 0)
    throw new FixtureError("rollout.maxRetries", maxRetries, "must be an integer ≥ 0");
  if (!Number.isInteger(seed)) throw new FixtureError("rollout.seed", seed, "must be an integer");
  checkObject("rollout.outcomes", outcomes);
  let total = 0;
  for (const [key, weight] of Object.entries(outcomes)) {
    if (!outcomeNames.includes(key as RolloutOutcome))
      throw new FixtureError(
        `rollout.outcomes.${key}`,
        weight,
        `is not an outcome (known: ${outcomeNames.join(", ")})`,
      );
    if (typeof weight !== "number" || !(weight >= 0 && Number.isFinite(weight)))
      throw new FixtureError(`rollout.outcomes.${key}`, weight, "must be a finite weight ≥ 0");
    total += weight;
  }
  if (total <= 0) throw new FixtureError("rollout.outcomes", outcomes, "must give at least one outcome a weight > 0");
  return { ratePerMinute: rate, durationMs, outcomes, maxRetries, seed } as Required<RolloutConfig>;
}

/** @internal starts a rollout on a job; see `MockJob.startRollout`. */
export function startRollout(job: RolloutTarget, clock: MockClock, input: RolloutConfig): Rollout {
  const config = checkConfig(input);
  const queued = job.table.byStatus[jobExecutionStatuses.indexOf("QUEUED")]!;
  const inProgress = jobExecutionStatuses.indexOf("IN_PROGRESS");
  const interval = 60_000 / config.ratePerMinute;
  const random = seededRandom(config.seed);
  // Started executions end in start order (same duration), so a FIFO of [seq, dueAt] suffices.
  const fifo: [number, number][] = [];
  let head = 0;
  const start = clock.now();
  const running = job.table.byStatus[inProgress]!;
  for (let seq = running.next(0); seq !== -1; seq = running.next(seq + 1)) {
    fifo.push([seq, Math.max(start, job.table.startedAt[seq]! + config.durationMs)]);
  }
  fifo.sort((a, b) => a[1] - b[1]);
  let nextStartAt = start + interval;
  let stopped = false;

  const task: ClockTask = {
    nextDueAt() {
      // While nothing is queued the start slots wait, so a later QUEUED execution does not trigger a burst.
      if (queued.size === 0) nextStartAt = Math.max(nextStartAt, clock.now() + interval);
      const finish = head < fifo.length ? fifo[head]![1] : Number.POSITIVE_INFINITY;
      return Math.min(queued.size > 0 ? nextStartAt : Number.POSITIVE_INFINITY, finish);
    },
    run() {
      const finish = head < fifo.length ? fifo[head]![1] : Number.POSITIVE_INFINITY;
      if (finish <= nextStartAt || queued.size === 0) {
        const [seq] = fifo[head++]!;
        if (head > 1024 && head * 2 > fifo.length) {
          fifo.splice(0, head); // drop the consumed prefix now and then: O(1) amortized
          head = 0;
        }
        if (job.table.status[seq] !== inProgress) return; // changed by the test meanwhile
        const outcome = weightedPick(config.outcomes, random) as JobExecutionStatus;
        job.apply(seq, outcome);
        const retryable = outcome === "FAILED" || outcome === "TIMED_OUT";
        if (retryable && job.table.retryAttempt[seq]! < config.maxRetries) job.retrySeq(seq);
        return;
      }
      nextStartAt += interval;
      const seq = queued.next(0);
      job.apply(seq, "IN_PROGRESS");
      fifo.push([seq, clock.now() + config.durationMs]);
    },
  };
  const remove = clock.addTask(task);
  return {
    get done() {
      return queued.size === 0 && head >= fifo.length;
    },
    get stopped() {
      return stopped;
    },
    stop() {
      stopped = true;
      remove();
    },
  };
}
