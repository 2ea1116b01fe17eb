import {
  InvalidRequestException,
  IoTClient,
  ListJobExecutionsForJobCommand,
  paginateListJobExecutionsForJob,
  ResourceNotFoundException,
  ServiceUnavailableException,
  ThrottlingException,
} from "@aws-sdk/client-iot";
import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import { createIotJobsMock, scenarios, setupIotJobsServer, TEST_CREDENTIALS } from "../../src/node/index.js";

// The official AWS SDK for JavaScript v3, in-process: MSW intercepts its requests to the real regional endpoint.
const { server, mock } = setupIotJobsServer({ clock: { now: "2026-11-29T08:00:00Z" } });
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  server.resetHandlers();
  mock.reset();
});
afterAll(() => server.close());

const client = (region = "eu-west-1") => new IoTClient({ region, credentials: TEST_CREDENTIALS, maxAttempts: 3 });

test("paginateListJobExecutionsForJob reads a 1,000-execution job in order, once each", async () => {
  mock.store.createJob(scenarios.largeFleet({ count: 1_000 }));
  const seen: string[] = [];
  let pages = 0;
  for await (const page of paginateListJobExecutionsForJob(
    { client: client(), pageSize: 250 },
    { jobId: "large-fleet" },
  )) {
    pages++;
    for (const e of page.executionSummaries ?? []) seen.push(e.thingArn!);
  }
  expect(pages).toBe(4);
  expect(seen).toHaveLength(1_000);
  expect(new Set(seen).size).toBe(1_000);
  expect(seen[0]).toBe("arn:aws:iot:eu-west-1:123456789012:thing/device-0001"); // no region in the fixture: the caller's
  expect(seen).toEqual([...seen].sort());
});

test("the status filter returns only that status, and dates parse as Dates", async () => {
  const job = mock.store.createJob(scenarios.largeFleet({ count: 1_000 }));
  const failed = [];
  for await (const page of paginateListJobExecutionsForJob(
    { client: client(), pageSize: 7 },
    { jobId: "large-fleet", status: "FAILED" },
  )) {
    failed.push(...(page.executionSummaries ?? []));
  }
  expect(failed).toHaveLength(job.counts().FAILED);
  for (const e of failed) {
    expect(e.jobExecutionSummary?.status).toBe("FAILED");
    expect(e.jobExecutionSummary?.startedAt).toBeInstanceOf(Date);
    expect(e.jobExecutionSummary?.queuedAt?.getTime()).toBe(Date.parse("2026-11-29T07:00:00Z"));
  }
});

test("each modeled error arrives as its own exception class", async () => {
  mock.store.createJob({ jobId: "fw-1", executions: [{ thingName: "sensor-1" }] });
  const send = (input: ConstructorParameters<typeof ListJobExecutionsForJobCommand>[0]) =>
    client()
      .send(new ListJobExecutionsForJobCommand(input))
      .then(
        () => undefined,
        (e: unknown) => e,
      );

  const invalid = await send({ jobId: "fw-1", maxResults: 300 });
  expect(invalid).toBeInstanceOf(InvalidRequestException);
  expect((invalid as InvalidRequestException).message).toBe(
    "1 validation error detected: Value '300' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 250",
  );
  expect((invalid as InvalidRequestException).$metadata.httpStatusCode).toBe(400);
  expect((invalid as InvalidRequestException).$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);

  const missing = await send({ jobId: "nope" });
  expect(missing).toBeInstanceOf(ResourceNotFoundException);
  expect((missing as ResourceNotFoundException).message).toBe("Job nope does not exist.");

  const badToken = await send({ jobId: "fw-1", nextToken: "forged" });
  expect(badToken).toBeInstanceOf(InvalidRequestException);

  mock.faults.inject({ type: "throttling" }, { times: 3 });
  const throttled = await send({ jobId: "fw-1" });
  expect(throttled).toBeInstanceOf(ThrottlingException);
  expect((throttled as ThrottlingException).$metadata.attempts).toBe(3);

  mock.faults.inject({ type: "unavailable" }, { times: 3 });
  const unavailable = await send({ jobId: "fw-1" });
  expect(unavailable).toBeInstanceOf(ServiceUnavailableException);
  expect((unavailable as ServiceUnavailableException).$fault).toBe("server");
  expect((unavailable as ServiceUnavailableException).$metadata.attempts).toBe(3);
});

test("throttling is retried until it clears", async () => {
  mock.store.createJob({ jobId: "fw-1", executions: [{ thingName: "sensor-1" }] });
  const rule = mock.faults.inject({ type: "throttling" }, { times: 2 });
  const out = await client().send(new ListJobExecutionsForJobCommand({ jobId: "fw-1" }));
  expect(out.$metadata.attempts).toBe(3);
  expect(out.executionSummaries).toHaveLength(1);
  expect(rule.fired).toBe(2);
  expect(mock.history.map((r) => r.status)).toEqual([400, 400, 200]);
});

test("every region of aws and aws-cn, and FIPS endpoints, reach the mock", async () => {
  mock.store.createJob({ jobId: "fw-1", executions: [{ thingName: "sensor-1" }] });
  for (const region of ["us-east-1", "ap-southeast-5", "cn-northwest-1", "us-gov-west-1"]) {
    const out = await client(region).send(new ListJobExecutionsForJobCommand({ jobId: "fw-1" }));
    expect(out.executionSummaries).toHaveLength(1);
  }
  const fips = new IoTClient({ region: "us-east-1", useFipsEndpoint: true, credentials: TEST_CREDENTIALS });
  await fips.send(new ListJobExecutionsForJobCommand({ jobId: "fw-1" }));
  expect(mock.history.map((r) => new URL(r.url).host)).toEqual([
    "iot.us-east-1.amazonaws.com",
    "iot.ap-southeast-5.amazonaws.com",
    "iot.cn-northwest-1.amazonaws.com.cn",
    "iot.us-gov-west-1.amazonaws.com",
    "iot-fips.us-east-1.amazonaws.com",
  ]);
});

test("strict auth accepts the SDK's real signatures and refuses bad ones with AWS's 403s", async () => {
  const strict = createIotJobsMock({
    strictAuth: true,
    credentials: [TEST_CREDENTIALS, { accessKeyId: "AKIDSUITEB", secretAccessKey: "b-secret" }],
  });
  server.use(...strict.handlers); // prepended: this test's requests reach the strict mock
  strict.store.createJob({ jobId: "fw-1", executions: [{ thingName: "sensor-1" }] });
  strict.store.createJob({
    jobId: "fw-1",
    accessKeyId: "AKIDSUITEB",
    executions: [{ thingName: "b-1" }, { thingName: "b-2" }],
  });
  const list = (credentials: { accessKeyId: string; secretAccessKey: string }) =>
    new IoTClient({ region: "eu-west-1", credentials, maxAttempts: 1 }).send(
      new ListJobExecutionsForJobCommand({ jobId: "fw-1" }),
    );

  expect((await list(TEST_CREDENTIALS)).executionSummaries).toHaveLength(1);
  const b = await list({ accessKeyId: "AKIDSUITEB", secretAccessKey: "b-secret" });
  expect(b.executionSummaries?.map((e) => e.thingArn)).toEqual([
    `arn:aws:iot:eu-west-1:${strict.accountIdFor("AKIDSUITEB")}:thing/b-1`,
    `arn:aws:iot:eu-west-1:${strict.accountIdFor("AKIDSUITEB")}:thing/b-2`,
  ]);
  const wrong = await list({ ...TEST_CREDENTIALS, secretAccessKey: "not-the-secret" }).catch((e: Error) => e);
  expect(wrong).toMatchObject({ name: "InvalidSignatureException", $metadata: { httpStatusCode: 403 } });
  const unknown = await list({ accessKeyId: "AKIDUNKNOWN", secretAccessKey: "x" }).catch((e: Error) => e);
  expect(unknown).toMatchObject({
    name: "UnrecognizedClientException",
    message: "The security token included in the request is invalid.",
  });
});
