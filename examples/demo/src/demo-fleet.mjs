// @ts-check
// The demo fleet: a firmware rollout under way (the demo job), an aborted one, and a large fleet to page through.
import { createIotJobsMock, execution, fleet, job, scenarios } from "@iot-jobs/mocks";

/** The job the demo walks through. */
export const demoJobId = "firmware-2026-11";

/** How the demo job's rollout moves in real time: things started per minute, and how long each one takes. */
export const rollout = { ratePerMinute: 300, durationMs: 40_000 };

const minute = 60_000;
/** How long the rollout has been running when the demo starts: long enough for some 200 things in progress. */
const headStart = minute;

/**
 * A few gateways that took long or gave up, so that "the slowest" means something (a fleet's timings are uniform).
 * @param {number} now epoch ms
 */
function stragglers(now) {
  /** @type {[string, "SUCCEEDED" | "FAILED" | "TIMED_OUT", number, number, number][]} name, status, queued/started/ended minutes ago */
  const rows = [
    ["gateway-berlin-01", "SUCCEEDED", 58, 55, 8],
    ["gateway-oslo-02", "TIMED_OUT", 57, 56, 16],
    ["gateway-lisbon-03", "SUCCEEDED", 57, 50, 22],
    ["gateway-turin-04", "FAILED", 56, 49, 25],
    ["gateway-ghent-05", "SUCCEEDED", 55, 47, 30],
  ];
  return rows.map(([name, status, queued, started, ended]) =>
    execution(name, {
      status,
      queuedAt: now - queued * minute,
      startedAt: now - started * minute,
      lastUpdatedAt: now - ended * minute,
      ...(status === "SUCCEEDED" ? {} : { retryAttempt: 1 }),
    }),
  );
}

/**
 * A mock whose clock follows real time, with the demo jobs; the rollout of the demo job has been running for a
 * minute already (the clock starts a minute back and catches up), so things are in progress from the first page.
 * @param {{ region: string }} options
 * @returns {{ mock: import("@iot-jobs/mocks").IotJobsMock, demo: import("@iot-jobs/mocks").MockJob }}
 * @example
 * const { mock, demo } = createDemoMock({ region: "us-east-1" });
 * demo.counts().IN_PROGRESS; // about 200
 */
export function createDemoMock({ region }) {
  const mock = createIotJobsMock({ region, clock: { now: Date.now() - headStart, frozen: false } });
  const now = mock.clock.now();
  const demo = mock.store.createJob(
    job(demoJobId, {
      executions: stragglers(now),
      fleet: fleet(5_000, {
        thingNamePrefix: "sensor-",
        queuedAt: now - 50 * minute,
        statuses: { SUCCEEDED: 52, FAILED: 1.5, TIMED_OUT: 0.5, QUEUED: 46 },
        retryAttempts: 1,
      }),
      rollout: { ...rollout, outcomes: { SUCCEEDED: 95, FAILED: 3, TIMED_OUT: 2 }, maxRetries: 1 },
    }),
  );
  mock.store.createJob(scenarios.failedRollout({ jobId: "firmware-2026-10" }));
  mock.store.createJob(scenarios.largeFleet({ jobId: "inventory-scan" }));
  mock.clock.advance(headStart);
  return { mock, demo };
}
