import { createIotJobsMock } from "@iot-jobs/mocks";
import { expect, test } from "vitest";

const mock = createIotJobsMock();
mock.faults.inject({ type: "throttling" }, { times: 2 }); // 400 ThrottlingException
mock.faults.inject({ type: "unavailable" }, { rate: 0.1, seed: 7 }); // 503, reproducibly
mock.faults.inject({ type: "latency", ms: 300 }, { jobId: "fw-1" });
mock.faults.script([{ type: "drop" }, null, { type: "throttling" }]); // n-th request gets step n

test("the README's faults example registers four rules; the first two requests are throttled", async () => {
  expect(mock.faults.list()).toHaveLength(4);
  mock.store.createJob({ jobId: "fw-2" });
  const statuses = [];
  for (let i = 0; i < 2; i++) {
    const response = await mock.handle(new Request("https://iot.us-east-1.amazonaws.com/jobs/fw-2/things"));
    statuses.push(response?.headers.get("x-amzn-ErrorType"));
  }
  expect(statuses).toEqual(["ThrottlingException", "ThrottlingException"]);
  mock.reset();
  expect(mock.faults.list()).toEqual([]);
});
