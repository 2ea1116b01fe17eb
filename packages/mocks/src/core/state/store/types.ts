import type { JobExecutionStatus } from "../../spec.js";
import type { TimeInput } from "../clock/time-input.js";

/**
 * Statuses an execution can only reach after it started (so a fixture in them gets a `startedAt`).
 *
 * @example
 * const s: StartedStatus = "TIMED_OUT";
 */
export type StartedStatus = "IN_PROGRESS" | "SUCCEEDED" | "FAILED" | "TIMED_OUT";

interface ExecutionFixtureBase {
  /** The thing's name (AWS ThingName: 1..128 of `[a-zA-Z0-9:_-]`). The ARN is built from it. */
  readonly thingName: string;
  /** When it was queued. @default the clock's current time */
  readonly queuedAt?: TimeInput;
  /** When it was last updated. @default `startedAt`, else `queuedAt` */
  readonly lastUpdatedAt?: TimeInput;
  /** The execution number on this thing (int64, ≥ 1). @default 1 */
  readonly executionNumber?: number;
  /** Completed retry attempts (int32, ≥ 0). @default 0 */
  readonly retryAttempt?: number;
}

/**
 * One job execution to seed. Only the thing's name is required; `startedAt` is only allowed once it started.
 *
 * @example
 * const e: ExecutionFixture = { thingName: "sensor-1", status: "IN_PROGRESS", startedAt: "2026-11-29T08:00:05Z" };
 */
export type ExecutionFixture =
  | (ExecutionFixtureBase & { readonly status?: "QUEUED"; readonly startedAt?: never })
  | (ExecutionFixtureBase & {
      readonly status: Exclude<JobExecutionStatus, "QUEUED">;
      /** When it started. @default `queuedAt` for IN_PROGRESS, SUCCEEDED, FAILED and TIMED_OUT; else absent */
      readonly startedAt?: TimeInput;
    });

/**
 * Many executions at once, named `<thingNamePrefix><n>` with n zero-padded from 1, statuses in exact
 * proportions to `statuses`, shuffled reproducibly by `seed`. Built straight into the columnar store.
 *
 * @example
 * const f: FleetFixture = { count: 100_000, statuses: { SUCCEEDED: 70, IN_PROGRESS: 20, QUEUED: 10 } };
 */
export interface FleetFixture {
  /** How many things (1..10,000,000). */
  readonly count: number;
  /** @default "thing-" */
  readonly thingNamePrefix?: string;
  /** Relative weights of the statuses. @default { QUEUED: 1 } */
  readonly statuses?: Partial<Readonly<Record<JobExecutionStatus, number>>>;
  /** Seed of the shuffle that spreads the statuses. @default 1 */
  readonly seed?: number;
  /** When the fleet was queued; starts spread over the next 45 minutes, ends 10 minutes after. @default one hour ago */
  readonly queuedAt?: TimeInput;
  /** FAILED and TIMED_OUT executions cycle through 0..retryAttempts completed retries. @default 0 */
  readonly retryAttempts?: number;
}

/**
 * Whose data: an account id, or the access key id whose account it is. @default the default account (unsigned
 * requests and `TEST_CREDENTIALS`)
 *
 * @example
 * mock.store.jobs({ accessKeyId: "AKIDSUITEB" });
 * mock.store.jobs({ accountId: "111111111111" });
 */
export interface AccountScope {
  /** A 12-digit AWS account id. */
  readonly accountId?: string;
  /** An access key id; its account is the configured one, else {@link accountIdForAccessKeyId}. */
  readonly accessKeyId?: string;
}

/**
 * Whose job, as a caller sees it: an account (or an access key) and a region. A lookup without `region` finds a
 * job in any region (one that names no region first).
 *
 * @example
 * mock.store.job("fw-1", { accessKeyId: "AKIDSUITEB", region: "eu-west-1" });
 */
export interface JobScope extends AccountScope {
  /** The caller's region, e.g. `eu-west-1`. */
  readonly region?: string;
}

/**
 * A job to seed: its id, whose it is, and its executions (listed, as a fleet, or both: listed ones first).
 * Visibility follows the fixture: naming no account (nor key), every account sees the job; naming one, only that
 * account does. Naming no region, it is listed in every region; naming one, only there (as AWS scopes jobs).
 *
 * @example
 * mock.store.createJob({ jobId: "fw-1", executions: [{ thingName: "sensor-1" }], fleet: { count: 500 } });
 * mock.store.createJob({ jobId: "fw-2", accessKeyId: "AKIDSUITEA", region: "eu-west-1" }); // that key, that region
 */
export interface JobFixture extends AccountScope {
  /** The job id (the spec's JobId: 1..64 of `[a-zA-Z0-9_-]`). */
  readonly jobId: string;
  /** The job's region: only requests to it see the job. @default none: every region sees it */
  readonly region?: string;
  readonly executions?: readonly ExecutionFixture[];
  readonly fleet?: FleetFixture;
  /** Start a rate-based rollout that the clock drives. */
  readonly rollout?: RolloutConfig;
}

/**
 * A job execution as the store holds it; times are `Date`s (the wire sends epoch seconds).
 *
 * @example
 * const e: JobExecution | undefined = mock.store.job("fw-1")?.get("sensor-1");
 */
export interface JobExecution {
  readonly thingName: string;
  readonly thingArn: string;
  readonly status: JobExecutionStatus;
  readonly queuedAt: Date;
  readonly startedAt: Date | undefined;
  readonly lastUpdatedAt: Date;
  readonly executionNumber: number;
  readonly retryAttempt: number;
}

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
