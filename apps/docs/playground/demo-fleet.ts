// The demo the playground runs against: three seeded jobs in a mock with strict SigV4 checks and a frozen clock.
// It imports only the environment-agnostic entry of the mocks, so the browser test can build the same fleet in
// Node and know what the page must list.
import { createIotJobsMock, type IotJobsMock, type JobFixture, scenarios, TEST_CREDENTIALS } from "@iot-jobs/mocks";

/** Where the demo's simulated time starts (the clock stands still until the reader advances it). */
export const DEMO_START = "2026-11-29T08:00:00Z";

/**
 * How long the rollout has run when the page opens. At {@link DEMO_START} the scenario's in-progress executions
 * started long ago, so the rollout's first step ends them all; a minute later it has started new ones.
 */
export const DEMO_WARMUP_MS = 60_000;

/** The region the client signs for and the mock puts in the ARNs. */
export const DEMO_REGION = "us-east-1";

/** The keys the page signs with: the mocks' test credentials, the only ones the demo mock accepts. */
export const DEMO_CREDENTIALS = TEST_CREDENTIALS;

/** A seeded job, how the job picker names it, and the line shown under the picker when it is chosen. */
export interface DemoJob {
  readonly jobId: string;
  /** Short enough for the picker at phone width (the browser test checks it is never cut). */
  readonly label: string;
  readonly about: string;
  readonly fixture: JobFixture;
}

/**
 * The jobs of the demo fleet, in picker order.
 *
 * @example
 * const ids = DEMO_JOBS.map((job) => job.jobId); // ["rollout-in-progress", "failed-rollout", "large-fleet"]
 */
export const DEMO_JOBS: readonly DemoJob[] = [
  {
    jobId: "rollout-in-progress",
    label: "Rollout in progress (1,000 things)",
    about: "Executions start and finish as the mock clock moves (Mock panel: +1 min, +10 min).",
    // 20 starts a minute: the 370 queued things keep it going for about 20 simulated minutes.
    fixture: scenarios.rolloutInProgress({ count: 1000 }),
  },
  {
    jobId: "failed-rollout",
    label: "Failed rollout (50 things)",
    about: "Every execution has ended, most of them FAILED, TIMED_OUT or REJECTED, some after retries.",
    fixture: scenarios.failedRollout(),
  },
  {
    jobId: "large-fleet",
    label: "Large fleet (100,000 things)",
    about: "Every status, spread over the whole job: try a status filter and Scan all.",
    fixture: scenarios.largeFleet(),
  },
];

/**
 * A fresh demo mock answering on `endpoint` (and every AWS IoT endpoint): the demo jobs, the clock at
 * {@link DEMO_START} plus {@link DEMO_WARMUP_MS}, and signatures verified against {@link DEMO_CREDENTIALS}.
 *
 * @example
 * const mock = createDemoMock("http://127.0.0.1:4000/api");
 * mock.store.job("failed-rollout")?.counts().FAILED; // 20
 */
export function createDemoMock(endpoint: string): IotJobsMock {
  const mock = createIotJobsMock({
    baseUrl: endpoint,
    region: DEMO_REGION,
    clock: { now: DEMO_START },
    strictAuth: true,
    credentials: [DEMO_CREDENTIALS],
  });
  for (const { fixture } of DEMO_JOBS) mock.store.createJob(fixture);
  mock.clock.advance(DEMO_WARMUP_MS);
  return mock;
}
