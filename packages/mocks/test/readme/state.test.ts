import { createIotJobsMock, execution, IllegalTransitionError, scenarios } from "@iot-jobs/mocks";
import { expect, test } from "vitest";

const mock = createIotJobsMock({ clock: { now: "2026-11-29T08:00:00Z" } }); // frozen until advanced
const job = mock.store.createJob({ jobId: "fw-1", executions: [execution("sensor-1")], fleet: { count: 500 } });
job.transition("sensor-1", "IN_PROGRESS"); // startedAt/lastUpdatedAt from the clock
job.transition("sensor-1", "FAILED"); // illegal moves throw IllegalTransitionError, state unchanged
job.retry("sensor-1"); // QUEUED again, retryAttempt 1
const rollout = mock.store.createJob(scenarios.rolloutInProgress());
mock.clock.advance(5 * 60_000); // the rollout starts and finishes executions on schedule

test("the README's state, lifecycle and time example does what its comments say", () => {
  expect(job.size).toBe(501);
  expect(job.get("sensor-1")).toMatchObject({
    status: "QUEUED",
    retryAttempt: 1,
    startedAt: undefined,
    queuedAt: new Date("2026-11-29T08:00:00Z"),
  });
  expect(() => job.transition("sensor-1", "TIMED_OUT")).toThrow(IllegalTransitionError); // not from QUEUED
  expect(job.get("sensor-1")?.status).toBe("QUEUED");
  expect(new Date(mock.clock.now()).toISOString()).toBe("2026-11-29T08:05:00.000Z");
  const { SUCCEEDED, QUEUED } = rollout.counts();
  expect(SUCCEEDED).toBeGreaterThan(0);
  expect(QUEUED).toBeLessThan(rollout.size);
});
