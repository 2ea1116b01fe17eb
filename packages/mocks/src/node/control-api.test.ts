import { expect, test } from "vitest";
import { createIotJobsMock } from "../core/create-iot-jobs-mock.js";
import { handleControlRequest } from "./control-api.js";

const base = "http://127.0.0.1:4010/_mock";
async function control(mock: ReturnType<typeof createIotJobsMock>, method: string, path: string, body?: unknown) {
  const init: RequestInit = {
    method,
    ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
  };
  const response = (await handleControlRequest(mock, new Request(`${base}${path}`, init)))!;
  return { status: response.status, body: (await response.json()) as any };
}

test("health, seed, jobs and reset", async () => {
  const mock = createIotJobsMock({ clock: { now: "2026-11-29T08:00:00Z" } });
  expect(await control(mock, "GET", "/health")).toEqual({
    status: 200,
    body: {
      status: "ok",
      now: "2026-11-29T08:00:00.000Z",
      defaultPageSize: 100,
      region: "us-east-1",
      defaultAccountId: "123456789012",
      strictAuth: false,
    },
  });
  const seeded = await control(mock, "POST", "/seed", {
    jobs: [{ jobId: "fw-1", fleet: { count: 4 } }],
    scenarios: [{ name: "failedRollout", accessKeyId: "AKIDB" }],
  });
  expect(seeded.status).toBe(201);
  expect(seeded.body.jobs.map((j: { jobId: string; size: number }) => [j.jobId, j.size])).toEqual([
    ["fw-1", 4],
    ["failed-rollout", 50],
  ]);
  expect((await control(mock, "GET", "/jobs")).body.jobs).toEqual([
    {
      jobId: "fw-1",
      accountId: "123456789012",
      region: "us-east-1",
      size: 4,
      counts: expect.objectContaining({ QUEUED: 4 }),
      rollout: null,
    },
  ]);
  expect((await control(mock, "GET", "/jobs?accessKeyId=AKIDB")).body.jobs[0].jobId).toBe("failed-rollout");
  expect(await control(mock, "POST", "/reset", { accessKeyId: "AKIDB" })).toEqual({
    status: 200,
    body: { reset: "AKIDB" },
  });
  expect((await control(mock, "GET", "/jobs?accessKeyId=AKIDB")).body.jobs).toEqual([]);
  expect((await control(mock, "GET", "/jobs")).body.jobs).toHaveLength(1);
  expect(await control(mock, "POST", "/reset")).toEqual({ status: 200, body: { reset: "all" } });
  expect((await control(mock, "GET", "/jobs")).body.jobs).toEqual([]);
});

test("faults: inject, script, list, clear", async () => {
  const mock = createIotJobsMock();
  const rule = await control(mock, "POST", "/faults", {
    fault: { type: "throttling" },
    times: 2,
    accessKeyId: "AKIDB",
  });
  expect(rule).toEqual({
    status: 201,
    body: {
      id: "fault-1",
      kind: "fault",
      faults: [{ type: "throttling" }],
      scope: { accountId: mock.accountIdFor("AKIDB") },
      times: 2,
      fired: 0,
      active: true,
    },
  });
  const script = await control(mock, "POST", "/faults", { script: [{ type: "drop" }, null], jobId: "fw-1" });
  expect(script.body).toMatchObject({ kind: "script", faults: [{ type: "drop" }, null], scope: { jobId: "fw-1" } });
  expect((await control(mock, "GET", "/faults")).body.faults).toHaveLength(2);
  expect((await control(mock, "DELETE", "/faults?jobId=fw-1")).body.faults).toHaveLength(1);
  expect((await control(mock, "DELETE", "/faults")).body.faults).toEqual([]);
});

test("clock and lifecycle", async () => {
  const mock = createIotJobsMock({ clock: { now: "2026-11-29T08:00:00Z" } });
  mock.store.createJob({ jobId: "fw-1", executions: [{ thingName: "a" }] });
  expect((await control(mock, "POST", "/clock/advance", { ms: 60_000 })).body).toEqual({
    now: "2026-11-29T08:01:00.000Z",
  });
  expect((await control(mock, "GET", "/clock")).body).toEqual({ now: "2026-11-29T08:01:00.000Z", frozen: true });
  const moved = await control(mock, "POST", "/executions/transition", {
    jobId: "fw-1",
    thingName: "a",
    status: "FAILED",
  });
  expect(moved.body).toMatchObject({ status: "FAILED", lastUpdatedAt: "2026-11-29T08:01:00.000Z" });
  expect((await control(mock, "POST", "/executions/retry", { jobId: "fw-1", thingName: "a" })).body).toMatchObject({
    status: "QUEUED",
    retryAttempt: 1,
  });
  const illegal = await control(mock, "POST", "/executions/transition", {
    jobId: "fw-1",
    thingName: "a",
    status: "TIMED_OUT",
  });
  expect(illegal.status).toBe(409);
  await mock.handle(new Request("https://iot.us-east-1.amazonaws.com/jobs/fw-1/things"));
  expect((await control(mock, "GET", "/history")).body.requests).toMatchObject([
    { jobId: "fw-1", status: 200, method: "GET" },
  ]);
  expect(illegal.body.message).toMatch(/illegal transition QUEUED → TIMED_OUT/);
});

test("bad input answers 400 with the field; unknown routes 404; wrong methods 405; other paths are not the API's", async () => {
  const mock = createIotJobsMock();
  const seed = await control(mock, "POST", "/seed", { jobs: [{ jobId: "bad id" }] });
  expect(seed.status).toBe(400);
  expect(seed.body.issues).toEqual([
    { field: "jobs[0].jobId", message: 'value "bad id" must satisfy regular expression pattern: [a-zA-Z0-9_-]+' },
  ]);
  expect(await control(mock, "POST", "/faults", { fault: { type: "latency" } })).toMatchObject({
    status: 400,
    body: { field: "fault.ms" },
  });
  expect(await control(mock, "POST", "/clock/advance", { ms: -5 })).toMatchObject({
    status: 400,
    body: { field: "ms" },
  });
  expect(
    await control(mock, "POST", "/executions/transition", { jobId: "nope", thingName: "a", status: "FAILED" }),
  ).toMatchObject({
    status: 400,
    body: { field: "jobId" },
  });
  expect(await control(mock, "POST", "/seed", "{not json")).toMatchObject({
    status: 400,
    body: { message: expect.stringMatching(/^body is not valid JSON/) },
  });
  expect(await control(mock, "POST", "/seed", "[1]")).toEqual({
    status: 400,
    body: { message: "body must be a JSON object" },
  });
  expect((await control(mock, "GET", "/nope")).status).toBe(404);
  expect(await control(mock, "GET", "/seed")).toEqual({
    status: 405,
    body: { message: "GET is not allowed on /_mock/seed (use POST)" },
  });
  expect(await handleControlRequest(mock, new Request("http://127.0.0.1/jobs/x/things"))).toBeUndefined();
  expect(await handleControlRequest(mock, new Request("http://127.0.0.1/_mockery"))).toBeUndefined();
});

test("bodies nesting deeper than 64 levels are refused before parsing (no stack overflow, no 500)", async () => {
  const mock = createIotJobsMock();
  const deep = `{"jobs":${"[".repeat(100_000)}${"]".repeat(100_000)}}`;
  expect(await control(mock, "POST", "/seed", deep)).toEqual({
    status: 400,
    body: { message: "body nests deeper than 64 levels; no control input needs that" },
  });
  // Brackets inside strings do not count.
  const quoted = JSON.stringify({ jobs: [{ jobId: "fw-1", executions: [{ thingName: "[".repeat(100) }] }] });
  expect((await control(mock, "POST", "/seed", quoted)).status).toBe(400); // a bad thing name, not a nesting error
  expect((await control(mock, "POST", "/seed", quoted)).body.message).toMatch(/thingName/);
});

test("control errors carry x-amzn-ErrorType like the operation's", async () => {
  const mock = createIotJobsMock();
  const response = (await handleControlRequest(
    mock,
    new Request(`${base}/clock/advance`, { method: "POST", body: '{"ms":1e308}' }),
  ))!;
  expect([response.status, response.headers.get("x-amzn-ErrorType")]).toEqual([400, "InvalidRequestException"]);
  const missing = (await handleControlRequest(mock, new Request(`${base}/nope`)))!;
  expect([missing.status, missing.headers.get("x-amzn-ErrorType")]).toEqual([404, "ResourceNotFoundException"]);
});
