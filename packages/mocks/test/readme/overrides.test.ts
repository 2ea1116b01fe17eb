import { IoTClient, ListJobExecutionsForJobCommand } from "@aws-sdk/client-iot";
import { awsErrorResponse, createIotJobsMock, mswPath } from "@iot-jobs/mocks";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, expect, test } from "vitest";

const mock = createIotJobsMock();
const server = setupServer(...mock.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  server.resetHandlers();
  mock.reset();
});
afterAll(() => server.close());
const iot = new IoTClient({
  region: "us-east-1",
  credentials: { accessKeyId: "testing", secretAccessKey: "x" },
  maxAttempts: 1,
});
const list = (jobId: string) => iot.send(new ListJobExecutionsForJobCommand({ jobId }));

test("an override answers once ({ once: true }), then the mock answers again", async () => {
  mock.store.createJob({ jobId: "fw-1", fleet: { count: 3 } });
  server.use(http.get(`*${mswPath}`, () => awsErrorResponse("ServiceUnavailableException"), { once: true }));
  await expect(list("fw-1")).rejects.toMatchObject({ name: "ServiceUnavailableException" });
  expect((await list("fw-1")).executionSummaries).toHaveLength(3);
});

test("an override can answer anything, for as long as the test runs", async () => {
  server.use(
    http.get(`*${mswPath}`, ({ params }) =>
      params.jobId === "legacy"
        ? awsErrorResponse("ResourceNotFoundException", { message: "Job legacy does not exist." })
        : HttpResponse.json({ executionSummaries: [] }),
    ),
  );
  expect((await list("anything")).executionSummaries).toEqual([]);
  await expect(list("legacy")).rejects.toMatchObject({
    name: "ResourceNotFoundException",
    $metadata: { httpStatusCode: 404 },
  });
});

test("resetHandlers() after the last test dropped the override: the mock answers, with AWS's 404", async () => {
  await expect(list("anything")).rejects.toMatchObject({ name: "ResourceNotFoundException" });
});
