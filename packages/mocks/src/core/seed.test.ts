import { expect, test } from "vitest";
import { createIotJobsMock } from "./create-iot-jobs-mock.js";
import { SeedError } from "./errors.js";
import { checkSeed } from "./seed.js";

const valid = {
  $schema: "./node_modules/@iot-jobs/mocks/seed.schema.json",
  jobs: [
    {
      jobId: "fw-1",
      region: "eu-west-1",
      executions: [
        {
          thingName: "sensor-1",
          status: "SUCCEEDED",
          queuedAt: "2026-11-29T07:00:00Z",
          startedAt: "2026-11-29T07:00:05Z",
        },
        { thingName: "sensor-2", queuedAt: 1795935600000 },
      ],
      fleet: { count: 10, thingNamePrefix: "meter-", statuses: { QUEUED: 1 } },
    },
    { jobId: "fw-1", accessKeyId: "AKIDSUITEB", rollout: { ratePerMinute: 10 }, fleet: { count: 3 } },
  ],
  scenarios: [
    { name: "failedRollout", jobId: "bad-day", count: 20 },
    { name: "largeFleet", count: 1000 },
  ],
};

test("a valid seed creates its jobs and scenarios, in their accounts", () => {
  const mock = createIotJobsMock();
  const jobs = mock.seed(valid);
  expect(jobs.map((j) => [j.jobId, j.size])).toEqual([
    ["fw-1", 12],
    ["fw-1", 3],
    ["bad-day", 20],
    ["large-fleet", 1000],
  ]);
  expect(mock.store.job("fw-1")?.get("sensor-1")?.startedAt).toEqual(new Date("2026-11-29T07:00:05Z"));
  expect(mock.store.job("fw-1", { accessKeyId: "AKIDSUITEB" })?.rollout).toBeDefined();
});

test("every schema issue is listed with its field, and nothing is seeded", () => {
  const mock = createIotJobsMock();
  const bad = {
    jobs: [
      { jobId: "bad id", executions: [{ thingName: "t", status: "DONE", queuedAt: "soon" }, { status: "QUEUED" }] },
      { jobId: "ok", fleet: { count: 0, statuses: { NOPE: 1 } }, extra: true },
    ],
    scenarios: [{ name: "hugeFleet" }],
    jobz: [],
  };
  let error: SeedError | undefined;
  try {
    mock.seed(bad);
  } catch (e) {
    error = e as SeedError;
  }
  expect(error).toBeInstanceOf(SeedError);
  expect(error!.issues).toEqual(
    expect.arrayContaining([
      { field: "jobz", message: "is not a known field" },
      { field: "jobs[0].jobId", message: 'value "bad id" must satisfy regular expression pattern: [a-zA-Z0-9_-]+' },
      {
        field: "jobs[0].executions[0].status",
        message: expect.stringMatching(/^value "DONE" must satisfy enum value set: \[QUEUED/),
      },
      {
        field: "jobs[0].executions[0].queuedAt",
        message:
          'value "soon" must be an ISO 8601 date-time string (years 1970 to 9999) or epoch milliseconds from 0 to 253402300799999',
      },
      { field: "jobs[0].executions[1].thingName", message: "is required" },
      { field: "jobs[1].extra", message: "is not a known field" },
      { field: "jobs[1].fleet.count", message: "value 0 must have value greater than or equal to 1" },
      { field: "jobs[1].fleet.statuses.NOPE", message: "is not an allowed key" },
      { field: "scenarios[0].name", message: expect.stringMatching(/^value "hugeFleet" must satisfy enum value set/) },
    ]),
  );
  expect(error!.message).toMatch(/^\[@iot-jobs\/mocks\] seed is invalid:\n {2}- /);
  expect(mock.store.accountIds()).toEqual([]);
});

test("a consistency rule the schema cannot express fails the whole seed, naming the field", () => {
  const mock = createIotJobsMock();
  const seed = {
    jobs: [
      { jobId: "first", fleet: { count: 5 } },
      {
        jobId: "second",
        executions: [
          { thingName: "t", status: "FAILED", queuedAt: "2026-11-29T08:00:00Z", startedAt: "2026-11-29T07:00:00Z" },
        ],
      },
    ],
  };
  expect(() => mock.seed(seed)).toThrow(SeedError);
  expect(() => mock.seed(seed)).toThrow(
    /jobs\[1\]\.executions\[0\]\.startedAt: value "2026-11-29T07:00:00Z" must not be earlier than queuedAt/,
  );
  expect(mock.store.jobs()).toEqual([]); // the first job was rolled back
});

test("checkSeed names its source", () => {
  expect(() => checkSeed({ jobs: {} }, "fleet.json")).toThrow(
    /^\[@iot-jobs\/mocks\] fleet\.json is invalid:\n {2}- jobs: value \{\} must be of type array/,
  );
  expect(() => checkSeed([], "fleet.json")).toThrow(/\(root\): value \[\] must be of type object/);
});
