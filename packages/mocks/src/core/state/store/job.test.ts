import { expect, test } from "vitest";
import { createIotJobsMock } from "../../create-iot-jobs-mock.js";
import { FixtureError, IllegalTransitionError } from "../../errors.js";
import { jobExecutionStatuses } from "../../spec.js";
import { allowedTransitions } from "./lifecycle.js";

const t0 = Date.parse("2026-11-29T08:00:00Z");
const setup = () => {
  const mock = createIotJobsMock({ clock: { now: t0 } });
  const job = mock.store.createJob({
    jobId: "fw-1",
    executions: [{ thingName: "sensor-1" }, { thingName: "sensor-2" }],
  });
  return { mock, job };
};

test("QUEUED → IN_PROGRESS → SUCCEEDED stamps startedAt once and lastUpdatedAt each time", () => {
  const { mock, job } = setup();
  mock.clock.advance(5_000);
  expect(job.transition("sensor-1", "IN_PROGRESS")).toMatchObject({
    status: "IN_PROGRESS",
    startedAt: new Date(t0 + 5_000),
    lastUpdatedAt: new Date(t0 + 5_000),
  });
  mock.clock.advance(5_000);
  expect(job.transition("sensor-1", "IN_PROGRESS").lastUpdatedAt).toEqual(new Date(t0 + 10_000)); // progress report
  mock.clock.advance(5_000);
  const done = job.transition("sensor-1", "SUCCEEDED");
  expect(done).toMatchObject({
    status: "SUCCEEDED",
    startedAt: new Date(t0 + 5_000),
    lastUpdatedAt: new Date(t0 + 15_000),
    queuedAt: new Date(t0),
  });
  expect(job.counts()).toMatchObject({ SUCCEEDED: 1, QUEUED: 1, IN_PROGRESS: 0 });
});

test("every pair of statuses is allowed or refused exactly as the transition table says", () => {
  for (const from of jobExecutionStatuses) {
    for (const to of jobExecutionStatuses) {
      const mock = createIotJobsMock({ clock: { now: t0 } });
      const startedStatus = from === "QUEUED" ? {} : { status: from };
      const job = mock.store.createJob({ jobId: "j", executions: [{ thingName: "t", ...startedStatus } as never] });
      const before = job.get("t");
      const allowed = allowedTransitions[from].includes(to);
      if (allowed) expect(job.transition("t", to).status).toBe(to);
      else {
        expect(() => job.transition("t", to)).toThrow(IllegalTransitionError);
        expect(job.get("t")).toEqual(before); // no state change
      }
    }
  }
});

test("an illegal transition says which, for which thing, and what is allowed", () => {
  const { job } = setup();
  job.transition("sensor-1", "SUCCEEDED");
  expect(() => job.transition("sensor-1", "IN_PROGRESS")).toThrow(
    "illegal transition SUCCEEDED → IN_PROGRESS for thing sensor-1 in job fw-1 (allowed from SUCCEEDED: none, SUCCEEDED is terminal)",
  );
  expect(() => job.transition("sensor-2", "TIMED_OUT")).toThrow(
    /allowed from QUEUED: IN_PROGRESS, SUCCEEDED, FAILED, REJECTED, CANCELED, REMOVED/,
  );
});

test("bad arguments name the field", () => {
  const { job } = setup();
  expect(() => job.transition("nobody", "IN_PROGRESS")).toThrow(FixtureError);
  expect(() => job.transition("nobody", "IN_PROGRESS")).toThrow(
    /thingName: value "nobody" has no execution in job fw-1/,
  );
  expect(() => job.transition("sensor-1", "DONE" as never)).toThrow(/to: value "DONE" must satisfy enum value set/);
});

test("retry re-queues FAILED and TIMED_OUT executions with retryAttempt + 1, and nothing else", () => {
  const { mock, job } = setup();
  job.transition("sensor-1", "IN_PROGRESS");
  job.transition("sensor-1", "FAILED");
  mock.clock.advance(60_000);
  expect(job.retry("sensor-1")).toMatchObject({
    status: "QUEUED",
    retryAttempt: 1,
    startedAt: undefined,
    queuedAt: new Date(t0 + 60_000),
    lastUpdatedAt: new Date(t0 + 60_000),
  });
  job.transition("sensor-1", "IN_PROGRESS");
  job.transition("sensor-1", "TIMED_OUT");
  expect(job.retry("sensor-1").retryAttempt).toBe(2);
  expect(() => job.retry("sensor-2")).toThrow(
    /illegal transition QUEUED → QUEUED for thing sensor-2 in job fw-1 \(retry\)/,
  );
  expect(job.get("sensor-2")?.retryAttempt).toBe(0);
});

test("cancel is CancelJob: QUEUED ones, and IN_PROGRESS ones only with force", () => {
  const { job } = setup();
  job.add({ thingName: "sensor-3" });
  job.transition("sensor-1", "IN_PROGRESS");
  job.transition("sensor-3", "SUCCEEDED");
  expect(job.cancel()).toBe(1);
  expect(job.get("sensor-1")?.status).toBe("IN_PROGRESS");
  expect(job.cancel({ force: true })).toBe(1);
  expect(job.list().map((e) => e.status)).toEqual(["CANCELED", "CANCELED", "SUCCEEDED"]);
});
