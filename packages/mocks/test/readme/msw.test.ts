import { IoTClient, ListJobExecutionsForJobCommand } from "@aws-sdk/client-iot";
import { createIotJobsMock } from "@iot-jobs/mocks";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, expect, test } from "vitest";

const mock = createIotJobsMock();
const server = setupServer(...mock.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  server.resetHandlers(); // drops this test's server.use() overrides
  mock.reset(); // and the mock's jobs, faults, history and clock: pristine for the next test
});
afterAll(() => server.close());

test("lists a rollout", async () => {
  mock.store.createJob({ jobId: "fw-1", executions: [{ thingName: "sensor-1", status: "IN_PROGRESS" }] });
  const iot = new IoTClient({ region: "eu-west-1", credentials: { accessKeyId: "testing", secretAccessKey: "x" } });
  const out = await iot.send(new ListJobExecutionsForJobCommand({ jobId: "fw-1" }));
  expect(out.executionSummaries?.[0]?.jobExecutionSummary?.status).toBe("IN_PROGRESS");
});
