import { IoTClient, ListJobExecutionsForJobCommand } from "@aws-sdk/client-iot";
import { useIotJobsMock } from "@iot-jobs/mocks/vitest";
import { ConfiguredRetryStrategy } from "@smithy/util-retry";
import { expect, test } from "vitest";

const { mock } = useIotJobsMock();
const iot = new IoTClient({
  region: "us-east-1",
  credentials: { accessKeyId: "testing", secretAccessKey: "x" },
  retryStrategy: new ConfiguredRetryStrategy(3, 0), // 3 attempts, no backoff (the default waits ~1 s per throttle)
});

test("throttling is retried at once", async () => {
  mock.store.createJob({ jobId: "fw-1", fleet: { count: 2 } });
  mock.faults.inject({ type: "throttling" }, { times: 2 });
  const out = await iot.send(new ListJobExecutionsForJobCommand({ jobId: "fw-1" }));
  expect(out.$metadata).toMatchObject({ attempts: 3, totalRetryDelay: 0 });
  expect(mock.history.map((r) => r.status)).toEqual([400, 400, 200]);
});
