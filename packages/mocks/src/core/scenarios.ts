import type { AccountScope, JobFixture } from "./store/types.js";

/**
 * Options every ready scenario takes.
 *
 * @example
 * scenarios.largeFleet({ jobId: "fleet-b", count: 10_000, accessKeyId: "AKIDSUITEB" });
 */
export interface ScenarioOptions extends AccountScope {
  /** The job id. @default the scenario's name in kebab-case */
  readonly jobId?: string;
  /** How many things. @default per scenario */
  readonly count?: number;
  /** The region in the things' ARNs. @default the mock's region */
  readonly region?: string;
}

const scope = (o: ScenarioOptions) => ({
  ...(o.accountId !== undefined ? { accountId: o.accountId } : {}),
  ...(o.accessKeyId !== undefined ? { accessKeyId: o.accessKeyId } : {}),
  ...(o.region !== undefined ? { region: o.region } : {}),
});

/**
 * A rollout under way (200 things by default): 40 % SUCCEEDED, 3 % FAILED, 20 % IN_PROGRESS, 37 % QUEUED, with a
 * rollout of 20 starts a minute, two minutes each, 95 % success, so `mock.clock.advance()` moves it on.
 *
 * @example
 * mock.store.createJob(scenarios.rolloutInProgress());
 * mock.clock.advance(5 * 60_000);
 */
export function rolloutInProgress(options: ScenarioOptions = {}): JobFixture {
  return {
    jobId: options.jobId ?? "rollout-in-progress",
    ...scope(options),
    fleet: {
      count: options.count ?? 200,
      thingNamePrefix: "sensor-",
      statuses: { SUCCEEDED: 40, FAILED: 3, IN_PROGRESS: 20, QUEUED: 37 },
    },
    rollout: { ratePerMinute: 20, durationMs: 120_000, outcomes: { SUCCEEDED: 95, FAILED: 5 } },
  };
}

/**
 * A rollout that went wrong and was aborted (50 things by default): 20 % SUCCEEDED, 40 % FAILED (with 0 to 2
 * retries), 10 % TIMED_OUT, 10 % REJECTED, 20 % CANCELED. Nothing is left to run.
 *
 * @example
 * mock.store.createJob(scenarios.failedRollout({ jobId: "fw-bad" }));
 */
export function failedRollout(options: ScenarioOptions = {}): JobFixture {
  return {
    jobId: options.jobId ?? "failed-rollout",
    ...scope(options),
    fleet: {
      count: options.count ?? 50,
      thingNamePrefix: "gateway-",
      statuses: { SUCCEEDED: 20, FAILED: 40, TIMED_OUT: 10, REJECTED: 10, CANCELED: 20 },
      retryAttempts: 2,
    },
  };
}

/**
 * A large fleet (100,000 things by default) in every status, mostly SUCCEEDED, statuses spread over the whole
 * job; built in columns in a few tens of milliseconds. For paging and status-filter tests at scale.
 *
 * @example
 * const job = mock.store.createJob(scenarios.largeFleet());
 * job.counts().FAILED; // 3000
 */
export function largeFleet(options: ScenarioOptions = {}): JobFixture {
  return {
    jobId: options.jobId ?? "large-fleet",
    ...scope(options),
    fleet: {
      count: options.count ?? 100_000,
      thingNamePrefix: "device-",
      statuses: {
        SUCCEEDED: 80,
        IN_PROGRESS: 8,
        QUEUED: 6,
        FAILED: 3,
        TIMED_OUT: 1,
        REJECTED: 1,
        REMOVED: 0.5,
        CANCELED: 0.5,
      },
      retryAttempts: 1,
    },
  };
}

/**
 * The ready scenarios by name (also the names a seed file's `scenarios` use).
 *
 * @example
 * for (const make of Object.values(scenarios)) mock.store.createJob(make());
 */
export const scenarios = { rolloutInProgress, failedRollout, largeFleet } as const;

/**
 * A scenario's name.
 *
 * @example
 * const name: ScenarioName = "failedRollout";
 */
export type ScenarioName = keyof typeof scenarios;
