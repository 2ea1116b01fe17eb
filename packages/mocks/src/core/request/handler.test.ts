import { afterEach, expect, test, vi } from "vitest";
import { createIotJobsMock } from "../create-iot-jobs-mock.js";

afterEach(() => vi.useRealTimers());
const endpoint = "https://iot.us-east-1.amazonaws.com";
const get = async (mock: ReturnType<typeof createIotJobsMock>, path: string, init?: RequestInit) => {
  const response = (await mock.handle(new Request(`${endpoint}${path}`, init)))!;
  return { status: response.status, type: response.headers.get("x-amzn-ErrorType"), response };
};

test("checks run in the service's order: auth, faults, validation, job, token", async () => {
  const strict = createIotJobsMock({ strictAuth: true });
  strict.faults.inject({ type: "throttling" });
  expect((await get(strict, "/jobs/bad id/things?maxResults=0")).type).toBe("MissingAuthenticationTokenException");
  expect(strict.faults.list()[0]!.fired).toBe(0); // a refused request does not consume faults

  const mock = createIotJobsMock();
  mock.faults.inject({ type: "throttling" }, { times: 1 });
  expect((await get(mock, "/jobs/bad%20id/things?maxResults=0")).type).toBe("ThrottlingException");
  expect((await get(mock, "/jobs/bad%20id/things?maxResults=0")).type).toBe("InvalidRequestException");
  expect((await get(mock, "/jobs/nope/things?nextToken=forged")).type).toBe("ResourceNotFoundException");
  mock.store.createJob({ jobId: "fw-1" });
  expect((await get(mock, "/jobs/fw-1/things?nextToken=forged")).type).toBe("InvalidRequestException");
});

test("every answer carries a request id, JSON and a Date; errors carry their type", async () => {
  const mock = createIotJobsMock();
  mock.store.createJob({ jobId: "fw-1" });
  const ids = new Set<string>();
  for (const path of ["/jobs/fw-1/things", "/jobs/nope/things", "/jobs/fw-1/things?maxResults=x"]) {
    const { response } = await get(mock, path);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.headers.get("x-amzn-RequestId")).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(Date.parse(response.headers.get("date")!)).not.toBeNaN();
    ids.add(response.headers.get("x-amzn-RequestId")!);
  }
  expect(ids.size).toBe(3);
  expect(mock.history.map((r) => [r.status, r.errorType ?? null, r.jobId])).toEqual([
    [200, null, "fw-1"],
    [404, "ResourceNotFoundException", "nope"],
    [400, "InvalidRequestException", "fw-1"],
  ]);
  expect(mock.history[0]).toMatchObject({ accountId: "123456789012", method: "GET", requestId: [...ids][0] });
});

test("latency delays the answer by the injected time (fake timers, no waiting)", async () => {
  vi.useFakeTimers({ toFake: ["setTimeout"] });
  const mock = createIotJobsMock();
  mock.store.createJob({ jobId: "fw-1" });
  mock.faults.inject({ type: "latency", ms: 5_000 }, { times: 1 });
  let done = false;
  const pending = get(mock, "/jobs/fw-1/things").then((r) => {
    done = true;
    return r;
  });
  await vi.advanceTimersByTimeAsync(4_999);
  expect(done).toBe(false);
  await vi.advanceTimersByTimeAsync(1);
  expect((await pending).status).toBe(200);
});

test("history keeps the last historyLimit requests", async () => {
  const mock = createIotJobsMock({ historyLimit: 3 });
  for (let i = 0; i < 10; i++) await get(mock, `/jobs/job-${i}/things`);
  expect(mock.history.map((r) => r.jobId)).toEqual(["job-7", "job-8", "job-9"]);
});

test("other methods and paths are not the mock's: MSW's onUnhandledRequest decides", async () => {
  const mock = createIotJobsMock();
  expect(await mock.handle(new Request(`${endpoint}/jobs/fw-1/things`, { method: "POST" }))).toBeUndefined();
  expect(await mock.handle(new Request(`${endpoint}/jobs/fw-1`))).toBeUndefined();
  expect(await mock.handle(new Request("https://example.com/jobs/fw-1/things"))).toBeUndefined();
});

test("the clock's due tasks run before a request is answered", async () => {
  const mock = createIotJobsMock();
  const job = mock.store.createJob({ jobId: "fw-1", executions: [{ thingName: "a" }] });
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(Date.now());
  mock.clock.schedule(1_000, () => job.transition("a", "IN_PROGRESS"));
  vi.setSystemTime(Date.now() + 1_000);
  const { response } = await get(mock, "/jobs/fw-1/things");
  expect(((await response.json()) as any).executionSummaries[0].jobExecutionSummary.status).toBe("IN_PROGRESS");
});

/** A request with a SigV4-shaped Authorization header: the lenient mock reads its key and region, not its signature. */
const scoped = (url: string, accessKeyId: string, region: string) =>
  new Request(url, {
    headers: {
      authorization: `AWS4-HMAC-SHA256 Credential=${accessKeyId}/20261129/${region}/iot/aws4_request, SignedHeaders=host;x-amz-date, Signature=${"0".repeat(64)}`,
    },
  });

test("a job that names no account or region is listed for any key in any region, with the caller's ARNs", async () => {
  const mock = createIotJobsMock();
  mock.store.createJob({ jobId: "fw-1", executions: [{ thingName: "sensor-1" }] });
  const testing = await mock.handle(
    scoped("https://iot.eu-west-1.amazonaws.com/jobs/fw-1/things", "testing", "eu-west-1"),
  );
  const body = (await testing!.json()) as { executionSummaries: { thingArn: string }[] };
  expect(body.executionSummaries[0]?.thingArn).toBe(
    `arn:aws:iot:eu-west-1:${mock.accountIdFor("testing")}:thing/sensor-1`,
  );
  expect((await get(mock, "/jobs/fw-1/things")).status).toBe(200); // unsigned
});

test("a region-scoped job is found only in its region; a 404's history note says where it exists", async () => {
  const mock = createIotJobsMock();
  mock.store.createJob({ jobId: "fw-1", region: "eu-west-1", accessKeyId: "AKIDSUITEA" });
  const eu = "https://iot.eu-west-1.amazonaws.com/jobs/fw-1/things";
  expect((await mock.handle(scoped(eu, "AKIDSUITEA", "eu-west-1")))!.status).toBe(200);
  // On loopback (no region in the host) the signature's region decides.
  const local = "http://127.0.0.1:4010/jobs/fw-1/things";
  expect((await mock.handle(scoped(local, "AKIDSUITEA", "eu-west-1"), { anyHost: true }))!.status).toBe(200);
  const wrongRegion = (await mock.handle(scoped(local, "AKIDSUITEA", "us-east-1"), { anyHost: true }))!;
  expect(wrongRegion.status).toBe(404);
  expect(await wrongRegion.json()).toEqual({ message: "Job fw-1 does not exist." }); // AWS's body, nothing added
  const otherKey = (await mock.handle(scoped(eu, "AKIDSUITEB", "eu-west-1")))!;
  expect(otherKey.status).toBe(404);
  const account = mock.accountIdFor("AKIDSUITEA");
  expect(mock.history.map((r) => r.note)).toEqual([
    undefined,
    undefined,
    `fw-1 exists in account ${account}/region eu-west-1; this request is account ${account}/region us-east-1`,
    `fw-1 exists in account ${account}/region eu-west-1; this request is account ${mock.accountIdFor("AKIDSUITEB")}/region eu-west-1`,
  ]);
  expect((await get(mock, "/jobs/nope/things")).status).toBe(404);
  expect(mock.history.at(-1)?.note).toBeUndefined(); // exists nowhere: nothing to say
});
