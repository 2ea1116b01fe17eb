import { expect, test } from "vitest";
import { createIotJobsMock } from "../../create-iot-jobs-mock.js";
import { rolloutInProgress } from "../fixtures/scenarios.js";

const t0 = Date.parse("2026-11-29T08:00:00Z");
const newMock = () => createIotJobsMock({ clock: { now: t0 } });

test("a rollout starts ratePerMinute executions a minute and ends each durationMs later", () => {
  const mock = newMock();
  const job = mock.store.createJob({
    jobId: "fw",
    fleet: { count: 10 },
    rollout: { ratePerMinute: 6, durationMs: 15_000 },
  });
  mock.clock.advance(10_000);
  expect(job.counts()).toMatchObject({ QUEUED: 9, IN_PROGRESS: 1, SUCCEEDED: 0 });
  expect(job.get("thing-0001")?.startedAt).toEqual(new Date(t0 + 10_000));
  mock.clock.advance(15_000); // t0+25s: the first ended at 25s, the second started at 20s
  expect(job.counts()).toMatchObject({ QUEUED: 8, IN_PROGRESS: 1, SUCCEEDED: 1 });
  expect(job.get("thing-0001")?.lastUpdatedAt).toEqual(new Date(t0 + 25_000));
  mock.clock.advance(10 * 60_000);
  expect(job.counts()).toMatchObject({ SUCCEEDED: 10, QUEUED: 0, IN_PROGRESS: 0 });
  expect(job.rollout?.done).toBe(true);
});

test("outcomes follow their weights reproducibly, and failures are retried up to maxRetries", () => {
  const run = () => {
    const mock = newMock();
    const job = mock.store.createJob({
      jobId: "fw",
      fleet: { count: 200 },
      rollout: {
        ratePerMinute: 1_000,
        durationMs: 1_000,
        outcomes: { SUCCEEDED: 1, FAILED: 1 },
        maxRetries: 2,
        seed: 5,
      },
    });
    mock.clock.advance(60 * 60_000);
    return job;
  };
  const a = run();
  const b = run();
  expect(a.list()).toEqual(b.list());
  const counts = a.counts();
  expect(counts.SUCCEEDED + counts.FAILED).toBe(200);
  expect(counts.FAILED).toBeGreaterThan(0);
  expect(counts.SUCCEEDED).toBeGreaterThan(counts.FAILED); // three chances at 50 %
  for (const e of a.list()) {
    if (e.status === "FAILED") expect(e.retryAttempt).toBe(2);
    else expect(e.retryAttempt).toBeLessThanOrEqual(2);
  }
});

test("executions the test changes meanwhile are left alone, and a stopped rollout stops", () => {
  const mock = newMock();
  const job = mock.store.createJob({
    jobId: "fw",
    fleet: { count: 4 },
    rollout: { ratePerMinute: 60, durationMs: 10_000 },
  });
  mock.clock.advance(1_000); // thing 1 starts at 1 s
  job.transition("thing-0001", "CANCELED");
  mock.clock.advance(11_500); // 2, 3, 4 start at 2, 3, 4 s; 2 ends at 12 s, 3 would at 13 s
  expect(job.list().map((e) => e.status)).toEqual(["CANCELED", "SUCCEEDED", "IN_PROGRESS", "IN_PROGRESS"]);
  job.rollout?.stop();
  mock.clock.advance(60_000);
  expect(job.list().map((e) => e.status)).toEqual(["CANCELED", "SUCCEEDED", "IN_PROGRESS", "IN_PROGRESS"]);
  expect(() => job.startRollout({ ratePerMinute: 1 })).not.toThrow();
  expect(() => job.startRollout({ ratePerMinute: 1 })).toThrow(/already has a rollout/);
});

test("the rolloutInProgress scenario moves on with the clock, and executions queued later wake it up", () => {
  const mock = newMock();
  const job = mock.store.createJob(rolloutInProgress());
  const before = job.counts();
  expect(before.IN_PROGRESS).toBeGreaterThan(0);
  mock.clock.advance(3 * 60_000);
  const after = job.counts();
  expect(after.QUEUED).toBe(before.QUEUED - 60);
  expect(after.SUCCEEDED + after.FAILED).toBeGreaterThan(before.SUCCEEDED + before.FAILED);
  mock.clock.advance(60 * 60_000);
  expect(job.rollout?.done).toBe(true);
  job.add({ thingName: "late-1" });
  mock.clock.advance(3_000);
  expect(job.get("late-1")?.status).toBe("IN_PROGRESS");
});

test("bad rollout config names the field", () => {
  const mock = newMock();
  const job = mock.store.createJob({ jobId: "fw" });
  expect(() => job.startRollout({ ratePerMinute: 0 })).toThrow(/rollout.ratePerMinute: value 0 must be a number > 0/);
  expect(() => job.startRollout({ ratePerMinute: 1, outcomes: { DONE: 1 } as never })).toThrow(
    /rollout.outcomes.DONE: .* is not an outcome/,
  );
  expect(() => job.startRollout({ ratePerMinute: 1, outcomes: { SUCCEEDED: 0 } })).toThrow(
    /rollout.outcomes: .* must give at least one outcome a weight > 0/,
  );
  expect(job.rollout).toBeUndefined();
});
