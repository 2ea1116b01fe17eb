import { Sha256 } from "@aws-crypto/sha256-js";
import { responses } from "@iot-jobs/spec";
import { SignatureV4 } from "@smithy/signature-v4";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { afterAll, expect, test } from "vitest";
import {
  createIotJobsMock,
  type IotJobsMock,
  jobExecutionStatuses,
  MIN_EPOCH_MS,
  scenarios,
  startMockServer,
  TEST_CREDENTIALS,
} from "../src/node/index.js";

// An independent validator (not the mocks' own), with the formats the spec uses.
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv, ["int32", "int64"]);
ajv.addFormat("unixtime", { type: "number", validate: (n: number) => Number.isFinite(n) && n >= 0 });
type Status = keyof typeof responses;
const bodyValidators = Object.fromEntries(
  Object.entries(responses).map(([status, r]) => [status, ajv.compile(r.schema)]),
);

interface Seen {
  readonly label: string;
  readonly status: number;
  readonly errorType: string | null;
}
const seen: Seen[] = [];

/** Checks one response against the spec: declared status, body schema, required headers and their schemas. */
async function conforms(label: string, response: Response): Promise<void> {
  const status = String(response.status) as Status;
  expect(Object.keys(responses), `${label}: status ${status} is declared`).toContain(status);
  expect(response.headers.get("content-type"), `${label}: content-type`).toBe("application/json");
  const body = (await response.json()) as object;
  const validate = bodyValidators[status]!;
  expect(
    validate(body),
    `${label}: body ${JSON.stringify(body).slice(0, 200)} ${ajv.errorsText(validate.errors)}`,
  ).toBe(true);
  for (const [name, header] of Object.entries(
    responses[status].headers as Record<string, { required: boolean; schema: object }>,
  )) {
    const value = response.headers.get(name);
    if (header.required) expect(value, `${label}: header ${name}`).not.toBeNull();
    if (value !== null) expect(ajv.validate(header.schema, value), `${label}: header ${name}: ${value}`).toBe(true);
  }
  if (status !== "200") expect(Object.keys(body), `${label}: error body`).toEqual(["message"]);
  seen.push({ label, status: response.status, errorType: response.headers.get("x-amzn-ErrorType") });
}

const endpoint = "https://iot.us-east-1.amazonaws.com";
const request = (mock: IotJobsMock, path: string, init?: RequestInit) =>
  mock.handle(new Request(`${endpoint}${path}`, init)).then((r) => r!);

async function signed(
  path: string,
  creds: { accessKeyId: string; secretAccessKey: string },
  opts: { date?: Date; region?: string } = {},
) {
  const url = new URL(`${endpoint}${path}`);
  const signer = new SignatureV4({
    service: "iot",
    region: opts.region ?? "us-east-1",
    credentials: creds,
    sha256: Sha256,
  });
  const r = await signer.sign(
    {
      method: "GET",
      protocol: "https:",
      hostname: url.hostname,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: { host: url.host },
    },
    { signingDate: opts.date ?? new Date() },
  );
  return new Request(url, { headers: r.headers });
}

async function scanAll(mock: IotJobsMock, label: string, jobId: string, query: string) {
  let token: string | undefined;
  let n = 0;
  do {
    const response = await request(
      mock,
      `/jobs/${jobId}/things?${query}${token ? `&nextToken=${encodeURIComponent(token)}` : ""}`,
    );
    const copy = response.clone();
    await conforms(`${label} page ${++n}`, response);
    token = ((await copy.json()) as { nextToken?: string }).nextToken;
  } while (token);
}

test("every page of every scenario, with every filter, conforms", async () => {
  const mock = createIotJobsMock({ clock: { now: "2026-11-29T08:00:00Z" } });
  mock.store.createJob(scenarios.rolloutInProgress());
  mock.store.createJob(scenarios.failedRollout());
  mock.store.createJob(scenarios.largeFleet({ count: 2_000 }));
  mock.store.createJob({ jobId: "empty" });
  mock.store.createJob({
    jobId: "hand-made",
    region: "cn-north-1",
    executions: [
      { thingName: "a" },
      { thingName: "b", status: "IN_PROGRESS", executionNumber: 2 ** 40, retryAttempt: 2 ** 31 - 1 },
      { thingName: "c", status: "REMOVED", queuedAt: MIN_EPOCH_MS }, // the earliest time a fixture may name
    ],
  });
  for (const job of mock.store.jobs()) {
    await scanAll(mock, `${job.jobId} unfiltered`, job.jobId, "maxResults=250");
    await scanAll(mock, `${job.jobId} default page size`, job.jobId, "");
    for (const status of jobExecutionStatuses)
      await scanAll(mock, `${job.jobId} ${status}`, job.jobId, `status=${status}&maxResults=33`);
  }
  mock.clock.advance(10 * 60_000); // the rollout moved: pages still conform
  await scanAll(mock, "rollout after 10 minutes", "rollout-in-progress", "maxResults=1");
});

test("every error path conforms: validation, unknown job, tokens, faults", async () => {
  const mock = createIotJobsMock();
  mock.store.createJob({ jobId: "fw-1", executions: [{ thingName: "a" }, { thingName: "b" }] });
  mock.store.createJob({ jobId: "fw-2", executions: [{ thingName: "a" }, { thingName: "b" }] });
  for (const q of [
    "maxResults=0",
    "maxResults=251",
    "maxResults=abc",
    "maxResults=1.5",
    "status=DONE",
    "status=",
    "maxResults=0&status=x",
  ]) {
    await conforms(`invalid ${q}`, await request(mock, `/jobs/fw-1/things?${q}`));
  }
  await conforms("invalid jobId pattern", await request(mock, "/jobs/bad%20id/things"));
  await conforms("invalid jobId length", await request(mock, `/jobs/${"x".repeat(65)}/things`));
  await conforms("empty jobId", await request(mock, "/jobs//things"));
  await conforms("unknown job", await request(mock, "/jobs/nope/things"));
  const token = (await (await request(mock, "/jobs/fw-1/things?maxResults=1")).json()) as { nextToken: string };
  await conforms("forged token", await request(mock, "/jobs/fw-1/things?nextToken=forged"));
  await conforms("other job's token", await request(mock, `/jobs/fw-2/things?nextToken=${token.nextToken}`));
  await conforms(
    "other filter's token",
    await request(mock, `/jobs/fw-1/things?status=QUEUED&nextToken=${token.nextToken}`),
  );
  mock.faults.script([
    { type: "throttling" },
    { type: "unavailable" },
    { type: "throttling", message: "Slow down" },
    { type: "drop" },
  ]);
  await conforms("throttled", await request(mock, "/jobs/fw-1/things"));
  await conforms("unavailable", await request(mock, "/jobs/fw-1/things"));
  await conforms("throttled with a message", await request(mock, "/jobs/fw-1/things"));
  expect((await request(mock, "/jobs/fw-1/things")).type).toBe("error"); // a drop has no HTTP response at all
});

test("every 403 of strict auth conforms", async () => {
  const mock = createIotJobsMock({
    strictAuth: true,
    credentials: [TEST_CREDENTIALS, { accessKeyId: "AKIDDENIED", secretAccessKey: "d", accessDenied: true }],
  });
  mock.store.createJob({ jobId: "fw-1" });
  const path = "/jobs/fw-1/things";
  await conforms("signed", await mock.handle(await signed(path, TEST_CREDENTIALS)).then((r) => r!));
  await conforms("unsigned", await request(mock, path));
  await conforms(
    "unknown key",
    await mock.handle(await signed(path, { accessKeyId: "AKIDX", secretAccessKey: "x" })).then((r) => r!),
  );
  await conforms(
    "wrong secret",
    await mock.handle(await signed(path, { ...TEST_CREDENTIALS, secretAccessKey: "no" })).then((r) => r!),
  );
  await conforms(
    "expired",
    await mock.handle(await signed(path, TEST_CREDENTIALS, { date: new Date(Date.now() - 3_600_000) })).then((r) => r!),
  );
  await conforms(
    "wrong region",
    await mock.handle(await signed(path, TEST_CREDENTIALS, { region: "eu-west-1" })).then((r) => r!),
  );
  await conforms(
    "malformed",
    await request(mock, path, { headers: { authorization: "AWS4-HMAC-SHA256 Credential=x" } }),
  );
  await conforms(
    "denied",
    await mock.handle(await signed(path, { accessKeyId: "AKIDDENIED", secretAccessKey: "d" })).then((r) => r!),
  );
});

const server = await startMockServer({ seed: { scenarios: [{ name: "failedRollout" }] } });
afterAll(() => server.close());

test("the standalone server's answers conform too", async () => {
  const get = (path: string) => fetch(`${server.url}${path}`);
  await conforms("server page", await get("/jobs/failed-rollout/things?maxResults=10"));
  await conforms("server 400", await get("/jobs/failed-rollout/things?maxResults=1000"));
  await conforms("server 404", await get("/jobs/nope/things"));
  server.mock.faults.inject({ type: "unavailable" }, { times: 1 });
  await conforms("server 503", await get("/jobs/failed-rollout/things"));
});

test("the suites above covered every declared status and every error type the spec names", () => {
  const statuses = new Set(seen.map((s) => String(s.status)));
  expect([...statuses].sort()).toEqual(Object.keys(responses).sort());
  const types = new Set(seen.map((s) => s.errorType).filter((t) => t !== null));
  for (const [status, r] of Object.entries(responses)) {
    const pattern = (r.headers as Record<string, { schema: { pattern?: string } }>)["x-amzn-ErrorType"]?.schema.pattern;
    const names = pattern?.match(/\^\(?([A-Za-z|]+)\)?/)?.[1]?.split("|") ?? [];
    for (const name of names) expect(types, `status ${status}: ${name}`).toContain(name);
  }
  expect(seen.length).toBeGreaterThan(200);
});
