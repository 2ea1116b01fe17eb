import {
  InvalidRequestException,
  IoTClient,
  IoTServiceException,
  ListJobExecutionsForJobCommand,
  type ListJobExecutionsForJobCommandInput,
  paginateListJobExecutionsForJob,
  ResourceNotFoundException,
  ServiceUnavailableException,
  ThrottlingException,
} from "@aws-sdk/client-iot";
import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import { type MockServer, startMockServer, TEST_CREDENTIALS } from "../../src/node/index.js";

// The official AWS SDK for JavaScript v3 against the standalone server over loopback (its `endpoint` option):
// full pagination, filtered pagination, every modeled error as the SDK's own class, throttling and 503s retried
// by its standard mode, and its signatures under strict auth.
let server: MockServer;
beforeAll(async () => {
  server = await startMockServer({
    clock: { now: "2026-11-29T08:00:00Z" },
    seed: { scenarios: [{ name: "largeFleet", jobId: "fleet", count: 2_000 }] },
  });
});
afterEach(() => server.mock.faults.clear());
afterAll(() => server.close());

const sdk = (maxAttempts = 3) =>
  new IoTClient({ region: "eu-west-1", endpoint: server.url, credentials: { ...TEST_CREDENTIALS }, maxAttempts });
const send = (input: ListJobExecutionsForJobCommandInput, client = sdk()) =>
  client.send(new ListJobExecutionsForJobCommand(input)).then(
    (out) => out,
    (e: unknown) => e as IoTServiceException,
  );

test("paginateListJobExecutionsForJob reads all 2,000 executions in order, each once, Dates parsed", async () => {
  const job = server.mock.store.job("fleet")!;
  const seen: string[] = [];
  let pages = 0;
  for await (const page of paginateListJobExecutionsForJob({ client: sdk(), pageSize: 250 }, { jobId: "fleet" })) {
    pages++;
    for (const e of page.executionSummaries ?? []) {
      seen.push(e.thingArn!);
      expect(e.jobExecutionSummary?.lastUpdatedAt).toBeInstanceOf(Date);
    }
  }
  expect(pages).toBe(8);
  // The job names no region: its ARNs carry the caller's (eu-west-1), the store's own reads the mock's default.
  expect(seen).toEqual(job.list().map((e) => e.thingArn.replace(":us-east-1:", ":eu-west-1:")));
});

test("a status filter pages through exactly that status", async () => {
  const job = server.mock.store.job("fleet")!;
  const failed: string[] = [];
  for await (const page of paginateListJobExecutionsForJob(
    { client: sdk(), pageSize: 9 },
    { jobId: "fleet", status: "FAILED" },
  )) {
    for (const e of page.executionSummaries ?? []) {
      expect(e.jobExecutionSummary?.status).toBe("FAILED");
      failed.push(e.thingArn!);
    }
  }
  expect(failed).toEqual(
    job
      .list()
      .filter((e) => e.status === "FAILED")
      .map((e) => e.thingArn.replace(":us-east-1:", ":eu-west-1:")),
  );
  expect(failed.length).toBeGreaterThan(9);
});

test("each of the four modeled errors arrives as the SDK's own exception class", async () => {
  const invalid = await send({ jobId: "fleet", maxResults: 251 });
  expect(invalid).toBeInstanceOf(InvalidRequestException);
  expect(invalid).toMatchObject({ $fault: "client", $metadata: { httpStatusCode: 400, attempts: 1 } });
  const badToken = await send({ jobId: "fleet", nextToken: "forged" });
  expect(badToken).toBeInstanceOf(InvalidRequestException);
  expect((badToken as InvalidRequestException).message).toBe("The nextToken is not valid for this request.");
  const missing = await send({ jobId: "no-such-job" });
  expect(missing).toBeInstanceOf(ResourceNotFoundException);
  expect(missing).toMatchObject({ message: "Job no-such-job does not exist.", $metadata: { httpStatusCode: 404 } });
  server.mock.faults.inject({ type: "throttling" });
  const throttled = await send({ jobId: "fleet" });
  expect(throttled).toBeInstanceOf(ThrottlingException);
  expect(throttled).toMatchObject({ $fault: "client", $metadata: { httpStatusCode: 400, attempts: 3 } });
  server.mock.faults.clear();
  server.mock.faults.inject({ type: "unavailable" });
  const unavailable = await send({ jobId: "fleet" });
  expect(unavailable).toBeInstanceOf(ServiceUnavailableException);
  expect(unavailable).toMatchObject({ $fault: "server", $metadata: { httpStatusCode: 503, attempts: 3 } });
  expect((unavailable as ServiceUnavailableException).$metadata.requestId).toBe(server.mock.history.at(-1)?.requestId);
});

test("throttling and 503s are retried until they clear; the attempts are counted", async () => {
  server.mock.faults.script([{ type: "throttling" }, { type: "unavailable" }]);
  const before = server.mock.history.length;
  const out = await send({ jobId: "fleet", maxResults: 3 });
  expect(out).not.toBeInstanceOf(IoTServiceException);
  expect((out as { $metadata: { attempts?: number } }).$metadata.attempts).toBe(3);
  expect(server.mock.history.slice(before).map((r) => r.status)).toEqual([400, 503, 200]);
  // With maxAttempts 1 the first throttle is final.
  server.mock.faults.inject({ type: "throttling" }, { times: 1 });
  expect(await send({ jobId: "fleet" }, sdk(1))).toBeInstanceOf(ThrottlingException);
});

test("strict auth over loopback accepts the SDK's signatures, with and without a session token", async () => {
  const session = { accessKeyId: "ASIASDKSTANDALONE", secretAccessKey: "sdk-secret", sessionToken: "sdk+token/==" };
  const strict = await startMockServer({ strictAuth: true, credentials: [TEST_CREDENTIALS, session] });
  try {
    strict.mock.store.createJob({ jobId: "fw-1", fleet: { count: 3 } });
    strict.mock.store.createJob({ jobId: "fw-1", accessKeyId: session.accessKeyId, fleet: { count: 2 } });
    const client = (credentials: typeof session | typeof TEST_CREDENTIALS) =>
      new IoTClient({ region: "us-east-1", endpoint: strict.url, credentials: { ...credentials }, maxAttempts: 1 });
    expect(
      ((await send({ jobId: "fw-1" }, client(TEST_CREDENTIALS))) as { executionSummaries: unknown[] })
        .executionSummaries,
    ).toHaveLength(3);
    expect(
      ((await send({ jobId: "fw-1" }, client(session))) as { executionSummaries: unknown[] }).executionSummaries,
    ).toHaveLength(2);
    const wrongToken = await send({ jobId: "fw-1" }, client({ ...session, sessionToken: "other" }));
    expect(wrongToken).toMatchObject({ name: "UnrecognizedClientException", $metadata: { httpStatusCode: 403 } });
  } finally {
    await strict.close();
  }
});
