import { createIotJobsClient } from "@iot-jobs/client";
import { afterEach, expect, test, vi } from "vitest";
import { mock } from "../test/iot-mock.js";

afterEach(() => vi.useRealTimers());

test("throttling is retried without waiting out the client's backoff", async () => {
  mock.store.createJob({ jobId: "fw-1", fleet: { count: 2 } });
  mock.faults.inject({ type: "throttling" }, { times: 2 });
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] }); // timers only: MSW and fetch keep real I/O
  vi.setTimerTickMode("nextTimerAsync"); // a backoff timer fires as soon as nothing else is pending
  const client = createIotJobsClient({
    region: "us-east-1",
    credentials: { accessKeyId: "testing", secretAccessKey: "testing" },
  });
  const { data, error } = await client.listJobExecutionsForJob({ jobId: "fw-1" });
  expect(error).toBeUndefined();
  expect(data?.executionSummaries).toHaveLength(2);
  expect(data?.$metadata).toMatchObject({ attempts: 3 });
  expect(mock.history.map((r) => r.status)).toEqual([400, 400, 200]);
});
