import {
  IoTClient,
  ListJobExecutionsForJobCommand,
  type ListJobExecutionsForJobCommandInput,
  ThrottlingException as SdkThrottlingException,
} from "@aws-sdk/client-iot";
import { createIotJobsMock, fleet, job, TEST_CREDENTIALS } from "@iot-jobs/mocks/node";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import { createIotJobsClient, type IotJobsException, ThrottlingException } from "../../src/index.js";

// This client beside @aws-sdk/client-iot, both in-process against the same mock: what a user switching from the
// SDK sees. Where they differ, the difference is pinned here and listed in docs/interop-notes.md.
const mock = createIotJobsMock({ clock: { now: "2026-11-29T08:00:00Z" } });
const unserved: string[] = [];
// Behind the mock's handlers, a catch-all records what they do not serve (nothing reaches the network).
const server = setupServer(
  ...mock.handlers,
  http.all("*", ({ request }) => {
    unserved.push(request.url);
    return HttpResponse.json({ message: "not served by the mocks" }, { status: 599 });
  }),
);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  mock.faults.clear();
  unserved.length = 0;
});
afterAll(() => server.close());
beforeAll(() => {
  mock.store.createJob(job("fw-1", { fleet: fleet(40, { statuses: { SUCCEEDED: 3, IN_PROGRESS: 1 } }) }));
});

const ours = createIotJobsClient({ region: "us-east-1", credentials: TEST_CREDENTIALS, maxAttempts: 2 });
const sdk = new IoTClient({ region: "us-east-1", credentials: { ...TEST_CREDENTIALS }, maxAttempts: 2 });
const sdkError = (input: ListJobExecutionsForJobCommandInput) =>
  sdk.send(new ListJobExecutionsForJobCommand(input)).then(
    () => undefined,
    (e: IotJobsException) => e,
  );
const shape = (e: IotJobsException | undefined) => ({
  name: e?.name,
  fault: e?.$fault,
  status: e?.$metadata.httpStatusCode,
  attempts: e?.$metadata.attempts,
  message: e?.message,
});

test("each modeled error: the same name, fault side, status, message and attempts in both clients", async () => {
  const cases: [string, ListJobExecutionsForJobCommandInput, (() => void) | undefined][] = [
    ["InvalidRequestException", { jobId: "fw-1", nextToken: "forged" }, undefined],
    ["ResourceNotFoundException", { jobId: "no-such-job" }, undefined],
    ["ThrottlingException", { jobId: "fw-1" }, () => mock.faults.inject({ type: "throttling" })],
    ["ServiceUnavailableException", { jobId: "fw-1" }, () => mock.faults.inject({ type: "unavailable" })],
  ];
  for (const [name, input, fault] of cases) {
    fault?.();
    const { error } = await ours.listJobExecutionsForJob(input as never);
    const theirs = await sdkError(input);
    mock.faults.clear();
    expect(shape(error)).toEqual(shape(theirs));
    expect([name, error?.name, Boolean(error?.$retryable), Boolean(theirs?.$retryable)]).toEqual([
      name,
      name,
      name === "ThrottlingException" || name === "ServiceUnavailableException",
      false, // the IoT model has no @retryable trait: the SDK retries by error code and status, $retryable unset
    ]);
  }
});

test("both clients parse the wire's epoch seconds into the same Dates, members and order", async () => {
  const theirs = await sdk.send(new ListJobExecutionsForJobCommand({ jobId: "fw-1", maxResults: 250 }));
  const { data } = await ours.listJobExecutionsForJob({ jobId: "fw-1", maxResults: 250 });
  const { $metadata: _a, ...mine } = data!;
  const { $metadata: _b, ...official } = theirs;
  expect(mine).toEqual(official);
  expect(mine.executionSummaries).toHaveLength(40);
});

test("FIPS in China: both clients call iot-fips.<region>.amazonaws.com.cn, a server of the spec the mocks answer", async () => {
  const region = "cn-north-1";
  const { data, error } = await createIotJobsClient({
    region,
    useFipsEndpoint: true,
    credentials: TEST_CREDENTIALS,
    maxAttempts: 1,
  }).listJobExecutionsForJob({ jobId: "fw-1" });
  expect(error).toBeUndefined();
  const theirs = await new IoTClient({
    region,
    useFipsEndpoint: true,
    credentials: { ...TEST_CREDENTIALS },
    maxAttempts: 1,
  }).send(new ListJobExecutionsForJobCommand({ jobId: "fw-1" }));
  expect(unserved).toEqual([]);
  expect(data?.executionSummaries?.map((e) => e.thingArn)).toEqual(theirs.executionSummaries?.map((e) => e.thingArn));
});

test("error classes: instances and classes are named after the error, as the SDK's are", () => {
  expect(new ThrottlingException({ message: "Rate exceeded" }).name).toBe(
    new SdkThrottlingException({ message: "Rate exceeded", $metadata: {} }).name,
  );
  expect(SdkThrottlingException.name).toBe("ThrottlingException");
  expect(ThrottlingException.name).toBe("ThrottlingException");
});
