import { afterEach, expect, test, vi } from "vitest";
import { createIotJobsMock } from "./create-iot-jobs-mock.js";

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
