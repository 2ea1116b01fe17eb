import { expect, test } from "vitest";
import { createIotJobsMock } from "../../create-iot-jobs-mock.js";
import { FixtureError } from "../../errors.js";
import { createFaults } from "./faults.js";

const accountOf = (scope: { accountId?: string; accessKeyId?: string }) =>
  scope.accountId ?? (scope.accessKeyId ? `key:${scope.accessKeyId}` : "default");
const req = { accountId: "111111111111", jobId: "fw-1" };
const kinds = (faults: ReturnType<typeof createFaults>, n: number, r = req) =>
  Array.from({ length: n }, () => faults.draw(r).fault?.type ?? "-");

test("times: the next N matching requests, then never", () => {
  const faults = createFaults(accountOf);
  const rule = faults.inject({ type: "throttling" }, { times: 2 });
  expect(kinds(faults, 4)).toEqual(["throttling", "throttling", "-", "-"]);
  expect(rule).toMatchObject({ fired: 2, active: false });
});

test("rate: reproducible for a seed, different for another, close to the rate", () => {
  const run = (seed: number) => {
    const faults = createFaults(accountOf);
    faults.inject({ type: "unavailable" }, { rate: 0.25, seed });
    return kinds(faults, 400).join("");
  };
  expect(run(7)).toBe(run(7));
  expect(run(7)).not.toBe(run(8));
  const fired = run(7).split("unavailable").length - 1;
  expect(fired).toBeGreaterThan(60);
  expect(fired).toBeLessThan(140);
});

test("script: step n for the n-th matching request, null passes, then it is spent", () => {
  const faults = createFaults(accountOf);
  faults.script([{ type: "drop" }, null, { type: "unavailable" }]);
  expect(kinds(faults, 4)).toEqual(["drop", "-", "unavailable", "-"]);
  expect(faults.list()[0]).toMatchObject({ kind: "script", fired: 2, active: false });
});

test("latency adds up and combines with one terminal fault; the first terminal rule wins and later ones wait", () => {
  const faults = createFaults(accountOf);
  faults.inject({ type: "latency", ms: 100 });
  faults.inject({ type: "throttling" }, { times: 1 });
  faults.inject({ type: "latency", ms: 50 }, { times: 1 });
  faults.inject({ type: "unavailable" }, { times: 1 });
  expect(faults.draw(req)).toMatchObject({ latencyMs: 150, fault: { type: "throttling" } });
  expect(faults.draw(req)).toMatchObject({ latencyMs: 100, fault: { type: "unavailable" } });
  expect(faults.draw(req)).toMatchObject({ latencyMs: 100, fault: undefined });
});

test("rules scoped to an account or a job only fire there; clear by scope leaves the others", () => {
  const faults = createFaults(accountOf);
  faults.inject({ type: "throttling" }, { accountId: "111111111111" });
  faults.inject({ type: "drop" }, { jobId: "other" });
  expect(faults.draw({ accountId: "222222222222", jobId: "fw-1" }).fault).toBeUndefined();
  expect(faults.draw({ accountId: "222222222222", jobId: "other" }).fault?.type).toBe("drop");
  expect(faults.draw(req).fault?.type).toBe("throttling");
  faults.clear({ accountId: "111111111111" });
  expect(faults.draw(req).fault).toBeUndefined();
  expect(faults.list()).toHaveLength(1);
  faults.clear();
  expect(faults.list()).toEqual([]);
});

test("a removed rule stops firing", () => {
  const faults = createFaults(accountOf);
  const rule = faults.inject({ type: "drop" });
  expect(faults.draw(req).fault?.type).toBe("drop");
  rule.remove();
  expect(faults.draw(req).fault).toBeUndefined();
});

test.each([
  [{ type: "boom" }, {}, /fault.type: value "boom" must be one of throttling, unavailable, drop, latency/],
  [{ type: "latency", ms: -1 }, {}, /fault.ms: value -1 must be a number of milliseconds from 0 to 600000/],
  [{ type: "drop", ms: 5 }, {}, /fault.ms: value 5 is not a known field/],
  [{ type: "throttling" }, { times: 0 }, /options.times: value 0 must be an integer from 1 to 9007199254740991/],
  [{ type: "throttling" }, { rate: 2 }, /options.rate: value 2 must be a number from 0 to 1/],
  [{ type: "throttling" }, { rate: 0.5, times: 2 }, /options: .* must not set both times and rate/],
])("bad fault %j %j is refused with the field named", (fault, options, message) => {
  const faults = createFaults(accountOf);
  expect(() => faults.inject(fault as never, options)).toThrow(FixtureError);
  expect(() => faults.inject(fault as never, options)).toThrow(message);
  expect(faults.list()).toEqual([]);
});

test("through the mock: faults answer with AWS's errors, a drop is a network error, and reset clears them", async () => {
  const mock = createIotJobsMock();
  mock.store.createJob({ jobId: "fw-1" });
  const get = () => mock.handle(new Request("https://iot.us-east-1.amazonaws.com/jobs/fw-1/things"));
  mock.faults.script([{ type: "throttling" }, { type: "unavailable", message: "Try later" }, { type: "drop" }]);
  const throttled = (await get())!;
  expect([throttled.status, throttled.headers.get("x-amzn-ErrorType"), await throttled.json()]).toEqual([
    400,
    "ThrottlingException",
    { message: "Rate exceeded" },
  ]);
  const unavailable = (await get())!;
  expect([unavailable.status, unavailable.headers.get("x-amzn-ErrorType"), await unavailable.json()]).toEqual([
    503,
    "ServiceUnavailableException",
    { message: "Try later" },
  ]);
  expect((await get())!.type).toBe("error");
  expect(mock.history.map((r) => [r.status, r.fault])).toEqual([
    [400, "throttling"],
    [503, "unavailable"],
    [0, "drop"],
  ]);
  mock.faults.inject({ type: "drop" });
  mock.reset();
  mock.store.createJob({ jobId: "fw-1" });
  expect((await get())!.status).toBe(200);
  expect(mock.history).toHaveLength(1);
});

test("a mock holds at most 1000 fault rules; clearing makes room again", () => {
  const faults = createFaults(accountOf);
  for (let i = 0; i < 1000; i++) faults.inject({ type: "throttling" }, { times: 1 });
  expect(() => faults.inject({ type: "throttling" })).toThrow(/faults: value 1000 must not exceed 1000 rules/);
  faults.clear();
  expect(faults.inject({ type: "throttling" }).active).toBe(true);
  expect(() => faults.inject({ type: "throttling" }, { times: 2 ** 60 })).toThrow(/options.times: value/);
});
