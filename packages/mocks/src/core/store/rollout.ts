import type { ClockTask, MockClock } from "../clock/clock.js";
import { FixtureError } from "../errors.js";
import { seededRandom, weightedPick } from "../prng.js";
import { type JobExecutionStatus, jobExecutionStatuses } from "../spec.js";
import { checkKeys, checkObject } from "./check.js";
import type { MockJob } from "./job.js";

/**
 * How an IN_PROGRESS execution of a rollout ends.
 *
 * @example
 * const outcomes: Partial<Record<RolloutOutcome, number>> = { SUCCEEDED: 95, TIMED_OUT: 5 };
 */
export type RolloutOutcome = "SUCCEEDED" | "FAILED" | "TIMED_OUT" | "REJECTED";

/**
 * A rate-based rollout, like a job's constant rollout rate: the clock starts the lowest QUEUED execution every
 * `60000 / ratePerMinute` ms, and each started one ends `durationMs` later with an outcome drawn (seeded) from
 * `outcomes`. Failed or timed-out ones are retried up to `maxRetries` times. IN_PROGRESS executions that exist
 * when it starts end `durationMs` after their `startedAt` (or at once if that has passed).
 *
 * @example
 * const config: RolloutConfig = { ratePerMinute: 100, durationMs: 60_000, outcomes: { SUCCEEDED: 95, FAILED: 5 } };
 */
export interface RolloutConfig {
  /** Executions started per minute (AWS allows 1..1000). */
  readonly ratePerMinute: number;
  /** How long an execution stays IN_PROGRESS. @default 60000 */
  readonly durationMs?: number;
  /** Relative weights of the outcomes. @default { SUCCEEDED: 1 } */
  readonly outcomes?: Partial<Readonly<Record<RolloutOutcome, number>>>;
  /** Retries of a FAILED or TIMED_OUT execution (AWS allows 0..10). @default 0 */
  readonly maxRetries?: number;
  /** Seed of the outcome draws. @default 1 */
  readonly seed?: number;
}

/**
 * A running rollout.
 *
 * @example
 * mock.clock.advance(60 * 60_000);
 * if (job.rollout?.done) job.rollout.stop();
 */
export interface Rollout {
  /** Whether nothing is left to start or finish (new QUEUED executions wake it up). */
  readonly done: boolean;
  /** Whether it was stopped. */
  readonly stopped: boolean;
  /** Stops it; executions keep their current status. */
  stop(): void;
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

/** @internal starts a rollout on a job; see {@link MockJob.startRollout}. */
export function startRollout(job: MockJob, clock: MockClock, input: RolloutConfig): Rollout {
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
