import { createIotJobsClient } from "@iot-jobs/client";
import { execution, job, setupIotJobsServer, TEST_CREDENTIALS } from "@iot-jobs/mocks/node";
import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import { walkJob } from "./walk.mjs";

const { server, mock } = setupIotJobsServer({ clock: { now: "2026-11-29T08:00:00Z" } });
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  server.resetHandlers();
  mock.reset();
});
afterAll(() => server.close());

const client = () => createIotJobsClient({ region: "us-east-1", credentials: TEST_CREDENTIALS });
const at = (hhmm: string) => `2026-11-29T${hhmm}:00Z`;

test("pages through every execution, counting statuses and keeping the slowest, running and failed ones", async () => {
  mock.store.createJob(
    job("fw-1", {
      executions: [
        execution("a", {
          status: "SUCCEEDED",
          queuedAt: at("07:00"),
          startedAt: at("07:00"),
          lastUpdatedAt: at("07:05"),
        }),
        execution("b", {
          status: "FAILED",
          queuedAt: at("07:00"),
          startedAt: at("07:00"),
          lastUpdatedAt: at("07:30"),
          retryAttempt: 2,
        }),
        execution("c", { status: "IN_PROGRESS", queuedAt: at("07:00"), startedAt: at("07:50") }),
        execution("d", { status: "QUEUED", queuedAt: at("07:00") }),
        execution("e", { status: "REJECTED", queuedAt: at("07:00"), lastUpdatedAt: at("07:10") }),
      ],
      fleet: { count: 7, thingNamePrefix: "f-", statuses: { SUCCEEDED: 1 }, queuedAt: at("06:00") },
    }),
  );
  const pages: [number, number][] = [];
  const walk = await walkJob(client(), "fw-1", {
    pageSize: 5,
    now: () => Date.parse(at("08:00")),
    onPage: (seen, page) => pages.push([seen, page]),
  });
  expect(pages).toEqual([
    [5, 1],
    [10, 2],
    [12, 3],
  ]);
  expect(walk.total).toBe(12);
  expect(Object.fromEntries(walk.counts)).toEqual({ SUCCEEDED: 8, FAILED: 1, IN_PROGRESS: 1, QUEUED: 1, REJECTED: 1 });
  expect(walk.slowest[0]).toEqual({ thing: "b", status: "FAILED", ms: 30 * 60_000, retries: 2 });
  expect(walk.slowest.map((e) => e.thing)).toHaveLength(5);
  expect(walk.longestRunning).toEqual([{ thing: "c", status: "IN_PROGRESS", ms: 10 * 60_000, retries: 0 }]);
  // REJECTED before it started: failed, without a duration (and not among the slowest).
  expect(walk.failed).toEqual([walk.slowest[0], { thing: "e", status: "REJECTED", ms: 0, retries: 0 }]);
  expect(walk.slowest.map((e) => e.thing)).not.toContain("e");
});

test("a job that does not exist rejects with the client's typed error", async () => {
  await expect(walkJob(client(), "nope")).rejects.toMatchObject({ name: "ResourceNotFoundException" });
});
