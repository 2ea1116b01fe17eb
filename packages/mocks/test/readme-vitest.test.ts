import { IoTClient, ListJobExecutionsForJobCommand } from "@aws-sdk/client-iot";
import { setupIotJobsServer, TEST_CREDENTIALS } from "@iot-jobs/mocks/node";
import { afterAll, afterEach, beforeAll, expect, test } from "vitest";

const { server, mock } = setupIotJobsServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  server.resetHandlers();
  mock.reset();
});
afterAll(() => server.close());

test("lists a rollout", async () => {
  mock.store.createJob({ jobId: "fw-1", executions: [{ thingName: "sensor-1", status: "IN_PROGRESS" }] });
  const iot = new IoTClient({ region: "eu-west-1", credentials: { ...TEST_CREDENTIALS } });
  const out = await iot.send(new ListJobExecutionsForJobCommand({ jobId: "fw-1" }));
  expect(out.executionSummaries?.[0]?.jobExecutionSummary?.status).toBe("IN_PROGRESS");
});
