import { createIotJobsClient, ResourceNotFoundException, ServiceUnavailableException } from "@iot-jobs/client";
import { execution, fleet, job, scenarios, TEST_CREDENTIALS } from "@iot-jobs/mocks";
import { expect, test, vi } from "vitest";
import { mock } from "../test/iot-mock.js";
import { checkRollout } from "./rollout-gate.js";

// The client under test is the real one, signing real requests to iot.eu-west-1.amazonaws.com: MSW answers them.
const client = () => createIotJobsClient({ region: "eu-west-1", credentials: TEST_CREDENTIALS });

test("a healthy rollout may continue, over every page of a large job", async () => {
  mock.store.createJob(job("fw-42", { fleet: fleet(1_200, { statuses: { SUCCEEDED: 97, FAILED: 1, QUEUED: 2 } }) }));
  const report = await checkRollout(client(), "fw-42", { maxFailureRate: 0.05 });
  expect(report.verdict).toBe("continue");
  expect(report.counts).toMatchObject({ SUCCEEDED: 1_164, FAILED: 12, QUEUED: 24 });
  expect(report.finished).toBe(1_176);
  expect(report.failedThings).toHaveLength(12);
  const listed = mock.history.filter((r) => r.jobId === "fw-42");
  expect(listed.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]); // 1,200 executions, 250 a page
});

test("an aborted rollout halts, naming the things that failed", async () => {
  mock.store.createJob(scenarios.failedRollout({ jobId: "fw-bad", count: 10 }));
  const report = await checkRollout(client(), "fw-bad", { maxFailureRate: 0.05 });
  expect(report.verdict).toBe("halt");
  expect(report.failedThings).toHaveLength(6); // 40 % FAILED, 10 % TIMED_OUT, 10 % REJECTED
  expect(report.failedThings.every((name) => name.startsWith("gateway-"))).toBe(true);
});

test("too few finished executions: wait, then decide once the simulated clock moved the rollout on", async () => {
  mock.store.createJob(
    job("fw-43", {
      executions: [execution("sensor-1", { status: "SUCCEEDED" })],
      fleet: fleet(100, { thingNamePrefix: "meter-" }),
      rollout: { ratePerMinute: 60, durationMs: 10_000, outcomes: { SUCCEEDED: 1 } },
    }),
  );
  const policy = { maxFailureRate: 0.05, minFinished: 50 };
  expect((await checkRollout(client(), "fw-43", policy)).verdict).toBe("wait");
  mock.clock.advance(60 * 60_000); // an hour later: all 100 started and succeeded
  const later = await checkRollout(client(), "fw-43", policy);
  expect(later).toMatchObject({ verdict: "continue", finished: 101, failureRate: 0 });
});

test("throttling is retried by the client: the gate never notices", async () => {
  mock.store.createJob(job("fw-44", { fleet: fleet(10, { statuses: { SUCCEEDED: 1 } }) }));
  mock.faults.inject({ type: "throttling" }, { times: 1 });
  const report = await checkRollout(client(), "fw-44", { maxFailureRate: 0 });
  expect(report.verdict).toBe("continue");
  expect(mock.history.map((r) => r.status)).toEqual([400, 200]);
});

test("a job that does not exist, or a service that stays down, fails the check with the typed error", async () => {
  await expect(checkRollout(client(), "fw-missing", { maxFailureRate: 0 })).rejects.toBeInstanceOf(
    ResourceNotFoundException,
  );
  mock.store.createJob(job("fw-45", { fleet: fleet(10) }));
  // The client's paginator asks for a failed page again (5 page retries after a call's 3 attempts), with backoff:
  // no jitter here, so the test does not wait. A service down for good still fails the check.
  vi.spyOn(Math, "random").mockReturnValue(0);
  mock.faults.inject({ type: "unavailable" });
  const failure = checkRollout(createIotJobsClient({ region: "eu-west-1", credentials: TEST_CREDENTIALS }), "fw-45", {
    maxFailureRate: 0,
  });
  await expect(failure).rejects.toSatisfy(
    (e) => ServiceUnavailableException.isInstance(e) && e.$metadata.attempts === 3,
  );
  expect(mock.history.filter((r) => r.jobId === "fw-45")).toHaveLength(6 * 3);
  vi.restoreAllMocks();
});
