import { expect, test } from "vitest";
import { createIotJobsMock } from "../../create-iot-jobs-mock.js";
import { FixtureError } from "../../errors.js";
import { createClock } from "../clock/clock.js";
import { execution, fleet, job } from "../fixtures/builders.js";

const t0 = Date.parse("2026-11-29T08:00:00Z");
const newMock = () => createIotJobsMock({ clock: { now: t0 } });

test("fixture defaults: QUEUED now, ARN from account/region/thing, execution number 1, no retries", () => {
  const mock = newMock();
  const created = mock.store.createJob(job("fw-1", { region: "eu-west-1", executions: [execution("sensor-1")] }));
  expect(created.get("sensor-1")).toEqual({
    thingName: "sensor-1",
    thingArn: "arn:aws:iot:eu-west-1:123456789012:thing/sensor-1",
    status: "QUEUED",
    queuedAt: new Date(t0),
    startedAt: undefined,
    lastUpdatedAt: new Date(t0),
    executionNumber: 1,
    retryAttempt: 0,
  });
});

test("a started status gets startedAt = queuedAt unless given; China regions get the aws-cn partition", () => {
  const mock = newMock();
  const created = mock.store.createJob({
    jobId: "fw-cn",
    region: "cn-north-1",
    executions: [
      { thingName: "a", status: "SUCCEEDED", queuedAt: "2026-11-29T07:00:00Z" },
      { thingName: "b", status: "CANCELED" },
      {
        thingName: "c",
        status: "IN_PROGRESS",
        queuedAt: t0 - 10_000,
        startedAt: t0 - 5_000,
        lastUpdatedAt: t0 - 1_000,
        executionNumber: 3,
        retryAttempt: 2,
      },
    ],
  });
  expect(created.get("a")?.startedAt).toEqual(new Date("2026-11-29T07:00:00Z"));
  expect(created.get("a")?.lastUpdatedAt).toEqual(new Date("2026-11-29T07:00:00Z"));
  expect(created.get("b")?.startedAt).toBeUndefined();
  expect(created.get("c")).toMatchObject({ executionNumber: 3, retryAttempt: 2, startedAt: new Date(t0 - 5_000) });
  expect(created.get("a")?.thingArn).toBe("arn:aws-cn:iot:cn-north-1:123456789012:thing/a");
});

test("a job that names an account is that account's own; the same id in two accounts never clashes", () => {
  const mock = newMock();
  mock.store.createJob({ jobId: "fw-1", accountId: "123456789012", executions: [{ thingName: "a" }] });
  mock.store.createJob({ jobId: "fw-1", accessKeyId: "AKIDSUITEB", fleet: fleet(3) });
  mock.store.createJob({ jobId: "fw-1", accountId: "222222222222" });
  expect(mock.store.job("fw-1")?.size).toBe(1);
  expect(mock.store.job("fw-1", { accessKeyId: "AKIDSUITEB" })?.size).toBe(3);
  expect(mock.store.job("fw-1", { accountId: mock.accountIdFor("AKIDSUITEB") })?.size).toBe(3);
  expect(mock.store.job("fw-1", { accountId: "222222222222" })?.size).toBe(0);
  expect(mock.store.job("fw-1", { accessKeyId: "testing" })).toBeUndefined();
  expect(mock.store.accountIds()).toHaveLength(3);
  mock.store.clear({ accessKeyId: "AKIDSUITEB" });
  expect(mock.store.job("fw-1", { accessKeyId: "AKIDSUITEB" })).toBeUndefined();
  expect(mock.store.job("fw-1")?.size).toBe(1);
  expect(mock.store.deleteJob("fw-1")).toBe(true);
  expect(mock.store.jobs()).toEqual([]);
});

test("a job that names no account is every account's; one naming a region lives only there", () => {
  const mock = newMock();
  const shared = mock.store.createJob({ jobId: "fw-1", executions: [{ thingName: "a" }] });
  const eu = mock.store.createJob({ jobId: "fw-2", region: "eu-west-1" });
  for (const scope of [{}, { accessKeyId: "testing" }, { accountId: "333333333333", region: "ap-south-1" }]) {
    expect(mock.store.job("fw-1", scope)).toBe(shared);
  }
  expect(shared.accountId).toBeUndefined();
  expect(shared.region).toBeUndefined();
  expect(mock.store.job("fw-2", { region: "eu-west-1", accessKeyId: "testing" })).toBe(eu);
  expect(mock.store.job("fw-2", { region: "us-east-1" })).toBeUndefined();
  expect(mock.store.job("fw-2")).toBe(eu); // no region asked: any region
  // The most specific job wins: the caller's own before a shared one, a named region before none.
  const own = mock.store.createJob({ jobId: "fw-1", accessKeyId: "AKIDSUITEB" });
  const ownEu = mock.store.createJob({ jobId: "fw-1", accessKeyId: "AKIDSUITEB", region: "eu-west-1" });
  expect(mock.store.job("fw-1", { accessKeyId: "AKIDSUITEB", region: "us-east-1" })).toBe(own);
  expect(mock.store.job("fw-1", { accessKeyId: "AKIDSUITEB", region: "eu-west-1" })).toBe(ownEu);
  expect(mock.store.job("fw-1", { accessKeyId: "AKIDSUITEC", region: "eu-west-1" })).toBe(shared);
  expect(mock.store.jobs({ accessKeyId: "AKIDSUITEB", region: "eu-west-1" })).toEqual([ownEu, eu]);
  expect(mock.store.all()).toEqual([shared, eu, own, ownEu]);
  mock.store.clear({ accessKeyId: "AKIDSUITEB" }); // its own jobs only
  expect(mock.store.all()).toEqual([shared, eu]);
});

test("ARNs show the job's own account and region, else the caller's (the store's reads: the defaults)", () => {
  const mock = newMock();
  const shared = mock.store.createJob({ jobId: "fw-1", executions: [{ thingName: "a" }] });
  expect(shared.get("a")?.thingArn).toBe("arn:aws:iot:us-east-1:123456789012:thing/a");
  expect(shared.arnPrefixFor("444444444444", "cn-north-1")).toBe("arn:aws-cn:iot:cn-north-1:444444444444:thing/");
  const own = mock.store.createJob({ jobId: "fw-2", accountId: "555555555555", region: "eu-west-1" });
  expect(own.arnPrefixFor("444444444444", "us-east-1")).toBe("arn:aws:iot:eu-west-1:555555555555:thing/");
});

test.each([
  [
    "a bad job id",
    { jobId: "bad id" },
    /job\.jobId: value "bad id" must satisfy regular expression pattern: \[a-zA-Z0-9_-\]\+/,
  ],
  ["a long job id", { jobId: "x".repeat(65) }, /job\.jobId: .* must have length less than or equal to 64/],
  [
    "an unknown status",
    { jobId: "j", executions: [{ thingName: "t", status: "DONE" }] },
    /job\.executions\[0\]\.status: value "DONE" must satisfy enum value set: \[QUEUED/,
  ],
  [
    "a bad thing name",
    { jobId: "j", executions: [{ thingName: "a/b" }] },
    /job\.executions\[0\]\.thingName: value "a\/b" must satisfy regular expression pattern/,
  ],
  [
    "startedAt on QUEUED",
    { jobId: "j", executions: [{ thingName: "t", startedAt: t0 }] },
    /job\.executions\[0\]\.startedAt: .* must be absent while status is QUEUED/,
  ],
  [
    "startedAt before queuedAt",
    { jobId: "j", executions: [{ thingName: "t", status: "FAILED", queuedAt: t0, startedAt: t0 - 1 }] },
    /startedAt: .* must not be earlier than queuedAt/,
  ],
  [
    "lastUpdatedAt before startedAt",
    { jobId: "j", executions: [{ thingName: "t", status: "FAILED", startedAt: t0, lastUpdatedAt: t0 - 1 }] },
    /lastUpdatedAt: .* must not be earlier than startedAt/,
  ],
  [
    "executionNumber 0",
    { jobId: "j", executions: [{ thingName: "t", executionNumber: 0 }] },
    /executionNumber: value 0 must have value greater than or equal to 1/,
  ],
  [
    "a fractional retryAttempt",
    { jobId: "j", executions: [{ thingName: "t", retryAttempt: 1.5 }] },
    /retryAttempt: value 1.5 must be an integer/,
  ],
  [
    "a bad time",
    { jobId: "j", executions: [{ thingName: "t", queuedAt: "soon" }] },
    /queuedAt: value "soon" must be a Date, an ISO 8601 date-time string \(years 1970 to 9999\) or epoch milliseconds/,
  ],
  [
    "a typo",
    { jobId: "j", executions: [{ thingName: "t", startAt: t0 }] },
    /job\.executions\[0\]\.startAt: .* is not a known field/,
  ],
  [
    "a duplicate thing",
    { jobId: "j", executions: [{ thingName: "t" }, { thingName: "t" }] },
    /executions\[1\]\.thingName: value "t" already has an execution in job j/,
  ],
  ["a bad account", { jobId: "j", accountId: "12" }, /job\.accountId: value "12" must be a 12-digit account id/],
  ["a bad region", { jobId: "j", region: "mars" }, /job\.region: value "mars" must be a region name/],
  [
    "a fleet of 0",
    { jobId: "j", fleet: { count: 0 } },
    /job\.fleet\.count: value 0 must be an integer from 1 to 10000000/,
  ],
  [
    "a fleet weight on a non-status",
    { jobId: "j", fleet: { count: 2, statuses: { DONE: 1 } } },
    /job\.fleet\.statuses\.DONE: .* is not a status/,
  ],
] as const)("%s is refused with the field named, and nothing is stored", (_name, fixture, message) => {
  const mock = newMock();
  expect(() => mock.store.createJob(fixture as never)).toThrow(FixtureError);
  expect(() => mock.store.createJob(fixture as never)).toThrow(message);
  expect(mock.store.jobs()).toEqual([]);
});

test("a job id can only exist once per account and region", () => {
  const mock = newMock();
  mock.store.createJob({ jobId: "fw-1" });
  expect(() => mock.store.createJob({ jobId: "fw-1" })).toThrow(
    /job\.jobId: value "fw-1" already exists in every account\/every region/,
  );
  mock.store.createJob({ jobId: "fw-1", accountId: "123456789012", region: "eu-west-1" });
  expect(() => mock.store.createJob({ jobId: "fw-1", accountId: "123456789012", region: "eu-west-1" })).toThrow(
    /already exists in account 123456789012\/region eu-west-1/,
  );
});

test("add appends all or nothing", () => {
  const mock = newMock();
  const j = mock.store.createJob({ jobId: "fw-1", executions: [{ thingName: "a" }] });
  expect(() => j.add({ thingName: "b" }, { thingName: "a" })).toThrow(
    /executions\[1\]\.thingName: value "a" already has an execution/,
  );
  expect(j.size).toBe(1);
  j.add({ thingName: "b" }, { thingName: "c", status: "IN_PROGRESS" });
  expect(j.list().map((e) => e.thingName)).toEqual(["a", "b", "c"]);
});

test("a fleet has exact proportions, zero-padded names, a reproducible shuffle and timestamps in the past hour", () => {
  const mock = newMock();
  const a = mock.store.createJob({
    jobId: "a",
    fleet: { count: 1_000, statuses: { SUCCEEDED: 7, FAILED: 2, QUEUED: 1 }, seed: 9 },
  });
  const b = mock.store.createJob({
    jobId: "b",
    fleet: { count: 1_000, statuses: { SUCCEEDED: 7, FAILED: 2, QUEUED: 1 }, seed: 9 },
  });
  expect(a.counts()).toMatchObject({ SUCCEEDED: 700, FAILED: 200, QUEUED: 100, IN_PROGRESS: 0 });
  expect(a.list().map((e) => e.status)).toEqual(b.list().map((e) => e.status));
  const all = a.list();
  expect(all[0]!.thingName).toBe("thing-0001");
  expect(all[999]!.thingName).toBe("thing-1000");
  expect(all.slice(0, 20).map((e) => e.status)).not.toEqual(Array(20).fill(all[0]!.status)); // shuffled
  for (const e of all) {
    expect(e.queuedAt.getTime()).toBe(t0 - 3_600_000);
    expect(e.lastUpdatedAt.getTime()).toBeLessThanOrEqual(t0);
    expect(e.startedAt === undefined).toBe(e.status === "QUEUED");
  }
});

test("a fleet added to a job with executions refuses names it already has", () => {
  const mock = newMock();
  const j = mock.store.createJob({ jobId: "j", executions: [{ thingName: "thing-0002" }] });
  expect(() => j.addFleet({ count: 5 })).toThrow(
    /fleet\.thingNamePrefix: value "thing-" gives thing-0002, which already has an execution/,
  );
  expect(j.size).toBe(1);
  j.addFleet({ count: 5, thingNamePrefix: "meter-" });
  expect(j.get("meter-0005")?.status).toBe("QUEUED");
});

test("mocks can share one clock; a bad base URL or account option names the field", () => {
  const clock = createClock({ now: t0 });
  const a = createIotJobsMock({ clock });
  const b = createIotJobsMock({ clock });
  clock.advance(1_000);
  expect(a.clock.now()).toBe(t0 + 1_000);
  expect(b.store.createJob({ jobId: "j", executions: [{ thingName: "t" }] }).get("t")?.queuedAt).toEqual(
    new Date(t0 + 1_000),
  );
  expect(() => createIotJobsMock({ baseUrl: "localhost:4010/" })).toThrow(
    /baseUrl\[0\]: value "localhost:4010\/" must be an absolute http\(s\) URL/,
  );
  expect(() => createIotJobsMock({ baseUrl: ["http://ok", "not a url"] })).toThrow(
    /baseUrl\[1\]: value "not a url" must be an absolute/,
  );
  expect(() => createIotJobsMock({ defaultAccountId: "abc" })).toThrow(
    /defaultAccountId: value "abc" must be a 12-digit account id/,
  );
});

test("maxExecutions caps the executions of every job together, checked before a fleet is built", () => {
  const mock = createIotJobsMock({ clock: { now: t0 }, maxExecutions: 1_000 });
  mock.store.createJob({ jobId: "a", fleet: { count: 600 } });
  expect(() => mock.store.createJob({ jobId: "b", fleet: { count: 500 } })).toThrow(
    /job\.fleet\.count: value 500 would bring the mock to 1100 executions \(a job counts at least 256\), more than its maxExecutions \(1000\)/,
  );
  expect(mock.store.job("b")).toBeUndefined();
  expect(() =>
    mock.seed({
      jobs: [
        { jobId: "c", fleet: { count: 300 } },
        { jobId: "d", fleet: { count: 300 } },
      ],
    }),
  ).toThrow(/jobs\[1\]\.fleet\.count: value 300 would bring the mock to 1200 executions/);
  expect(mock.store.job("c")).toBeUndefined(); // a seed is all or nothing, and gives its charge back
  mock.store.deleteJob("a");
  expect(mock.store.createJob({ jobId: "b", fleet: { count: 1_000 } }).size).toBe(1_000);
  mock.reset();
  expect(mock.store.createJob({ jobId: "b", fleet: { count: 1_000 } }).size).toBe(1_000);
  expect(() => createIotJobsMock({ maxExecutions: 0 })).toThrow(/maxExecutions: value 0 must be an integer from 1/);
});

test("a flood of empty jobs is capped too: each job counts at least 256 executions", () => {
  const mock = createIotJobsMock({ maxExecutions: 1_024 });
  for (let i = 0; i < 4; i++) mock.store.createJob({ jobId: `empty-${i}` });
  expect(() => mock.store.createJob({ jobId: "empty-4" })).toThrow(
    /job\.executions: value 0 would bring the mock to 1280 executions \(a job counts at least 256\)/,
  );
});
