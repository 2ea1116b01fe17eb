import { afterEach, expect, test, vi } from "vitest";
import { createIotJobsMock } from "./create-iot-jobs-mock.js";
import { awsErrorResponse } from "./request/http/aws-error-response.js";
import { createClock } from "./state/clock/clock.js";

afterEach(() => vi.useRealTimers());
const t0 = Date.parse("2026-11-29T08:00:00Z");
const endpoint = "https://iot.us-east-1.amazonaws.com";

test("reset() restores the mock as created: its seed again, no faults or history, the clock at its start", async () => {
  const mock = createIotJobsMock({
    clock: { now: t0 },
    seed: { jobs: [{ jobId: "seeded", executions: [{ thingName: "a" }] }] },
  });
  const seeded = mock.store.job("seeded")!;
  seeded.transition("a", "IN_PROGRESS");
  mock.store.createJob({ jobId: "added", accessKeyId: "AKIDSUITEA" });
  mock.faults.inject({ type: "throttling" });
  let fired = false;
  mock.clock.schedule(120_000, () => {
    fired = true;
  });
  mock.clock.advance(60_000);
  const page = await mock.handle(new Request(`${endpoint}/jobs/seeded/things?maxResults=1`));
  expect(page!.status).toBe(400); // throttled

  mock.reset();
  expect(mock.clock.now()).toBe(t0);
  expect(mock.faults.list()).toEqual([]);
  expect(mock.history).toEqual([]);
  expect(mock.store.all().map((j) => j.jobId)).toEqual(["seeded"]);
  expect(mock.store.job("seeded")).not.toBe(seeded); // a fresh job, as seeded
  expect(mock.store.job("seeded")!.get("a")).toMatchObject({ status: "QUEUED", queuedAt: new Date(t0) });
  mock.clock.advance(10 * 60_000);
  expect(fired).toBe(false); // what was scheduled before the reset is gone
});

test("reset() puts an unfrozen clock back on the system time; a clock passed in is the caller's", () => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(t0);
  const mock = createIotJobsMock();
  mock.clock.advance(3_600_000);
  vi.setSystemTime(t0 + 5_000);
  expect(mock.clock.now()).toBe(t0 + 3_605_000);
  mock.reset();
  expect(mock.clock.now()).toBe(t0 + 5_000);

  const clock = createClock({ now: t0 });
  const shared = createIotJobsMock({ clock });
  clock.advance(1_000);
  shared.reset();
  expect(clock.now()).toBe(t0 + 1_000);
  clock.reset?.();
  expect(clock.now()).toBe(t0);
});

test("awsErrorResponse answers as the service does: spec status, error type, request id, Date, message", async () => {
  const throttled = awsErrorResponse("ThrottlingException");
  expect(throttled.status).toBe(400);
  expect(throttled.headers.get("x-amzn-ErrorType")).toBe("ThrottlingException");
  expect(throttled.headers.get("x-amzn-RequestId")).toMatch(/^[0-9a-f-]{36}$/);
  expect(Date.parse(throttled.headers.get("date")!)).not.toBeNaN();
  expect(await throttled.json()).toEqual({ message: "Rate exceeded" });
  const missing = awsErrorResponse("ResourceNotFoundException", {
    message: "Job fw-9 does not exist.",
    requestId: "r-1",
  });
  expect([missing.status, missing.headers.get("x-amzn-RequestId"), await missing.json()]).toEqual([
    404,
    "r-1",
    { message: "Job fw-9 does not exist." },
  ]);
  expect(awsErrorResponse("ServiceUnavailableException").status).toBe(503);
  expect(awsErrorResponse("AccessDeniedException").status).toBe(403);
});
