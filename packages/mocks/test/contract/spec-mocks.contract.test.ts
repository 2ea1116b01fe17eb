import { jobExecutionStatuses, responses } from "@iot-jobs/spec";
import { fastCheckSeed } from "@iot-jobs/test-support/fast-check";
import fc from "fast-check";
import { beforeAll, expect, test } from "vitest";
import { createIotJobsMock, execution, fleet, type IotJobsMock, job, TEST_CREDENTIALS } from "../../src/node/index.js";
import { categories, exampleCategories, unnamedKey } from "./categories.js";
import { expectOutcome } from "./oracle.js";
import { type AuthVariant, DENIED, type Draft, drafts, type PoolToken, SESSION, send } from "./requests.js";
import { checkAgainstSpec, type Observed } from "./spec-check.js";

// Spec ↔ mocks, property-based: requests generated from the spec's parameter schemas (valid and invalid),
// against seeded jobs and unknown ones, with tokens of every provenance, injected faults and every
// authentication variant of strict mode. Every answer must conform to the spec and be the answer the service
// gives (oracle.ts). A report then lists every (status × named example) of the spec with how often a response
// of its kind was produced, and fails if one never was.
//
// Budget: ≥ 10,000 requests in about 15 s on a 2-core machine (the suite prints its count and time).
// Replay a failure with the seed it prints: FC_SEED=<seed> pnpm exec vitest run test/contract

const seed = fastCheckSeed("contract");
const LENIENT_RUNS = 7_200;
const STRICT_RUNS = 2_500;
const MIN_REQUESTS = 10_000;

const statuses = [undefined, ...jobExecutionStatuses];
const fixtures = [
  job("fw-1", {
    fleet: fleet(40, {
      statuses: {
        QUEUED: 2,
        IN_PROGRESS: 2,
        SUCCEEDED: 3,
        FAILED: 1,
        TIMED_OUT: 1,
        REJECTED: 1,
        REMOVED: 1,
        CANCELED: 1,
      },
      retryAttempts: 2,
    }),
  }),
  job("a", { executions: [execution("only-one")] }),
  job("Z_-9".padEnd(64, "x"), {
    executions: [
      execution("t-1", { status: "SUCCEEDED" }),
      execution("t-2", { status: "IN_PROGRESS" }),
      execution("t-3"),
    ],
  }),
  job("empty"),
  job("big", { fleet: fleet(260, { statuses: { SUCCEEDED: 3, FAILED: 1 } }) }),
];
const seededJobIds = fixtures.map((f) => f.jobId);

/** Everything the suite observed: each response's example category (or its unnamed kind). */
const seen: { category: string | undefined; unnamed: string }[] = [];
let requests = 0;
let elapsedMs = 0;

function record(o: Observed): void {
  requests++;
  const kinds = Object.entries(categories).filter(([, c]) => c.matches(o));
  expect(kinds.length, `one category at most: ${kinds.map(([k]) => k)}`).toBeLessThanOrEqual(1);
  seen.push({ category: kinds[0]?.[0], unnamed: unnamedKey(o) });
}

const newMock = (strictAuth: boolean, secret: string) => {
  const mock = createIotJobsMock({
    clock: { now: "2026-11-29T08:00:00Z" },
    tokenSecret: `${secret}-${seed}`,
    strictAuth,
    credentials: [TEST_CREDENTIALS, DENIED, SESSION],
  });
  for (const f of fixtures) mock.store.createJob(f);
  return mock;
};

/** Pages through every seeded job with every filter and a few page sizes, collecting the tokens (≤ 5 pages). */
async function collectTokens(mock: IotJobsMock, auth: AuthVariant, check = true): Promise<PoolToken[]> {
  const pool: PoolToken[] = [];
  for (const jobId of seededJobIds) {
    for (const status of statuses) {
      for (const size of [2, 7, 100]) {
        let offset = 0;
        let entry: PoolToken | undefined;
        for (let page = 0; page < 5; page++) {
          const d: Draft = {
            jobId: { raw: jobId, validity: "valid" },
            status: status === undefined ? undefined : { raw: status, validity: "valid" },
            maxResults: { raw: String(size), validity: "valid" },
            token: entry ? { kind: "pool", raw: entry.token, entry } : undefined,
            endpoint: { host: "iot.us-east-1.amazonaws.com", region: "us-east-1" },
            auth,
            plus: false,
          };
          const o = await checkAgainstSpec((await send(mock, d, TEST_CREDENTIALS))!, `walk ${jobId} ${status}`);
          if (check) {
            record(o);
            expectOutcome(mock, d, o);
          }
          const body = o.body as { executionSummaries: unknown[]; nextToken?: string };
          offset += body.executionSummaries.length;
          if (!body.nextToken) break;
          entry = { token: body.nextToken, jobId, status, offset };
          pool.push(entry);
        }
      }
    }
  }
  return pool;
}

/** Runs a property over generated drafts against one mock, every answer checked against spec and oracle. */
async function run(mock: IotJobsMock, arbitrary: fc.Arbitrary<Draft>, numRuns: number) {
  const started = performance.now();
  await fc.assert(
    fc.asyncProperty(arbitrary, async (d) => {
      const response = await send(mock, d, TEST_CREDENTIALS);
      expect(response, "the handlers answer every request on the operation's route").toBeDefined();
      const o = await checkAgainstSpec(response!, JSON.stringify(d).slice(0, 300));
      record(o);
      expectOutcome(mock, d, o);
    }),
    { seed, numRuns },
  );
  elapsedMs += performance.now() - started;
}

let foreign: string[] = [];
beforeAll(async () => {
  // Well-formed tokens sealed by another mock's key: the strongest forgery a client can make.
  foreign = (await collectTokens(newMock(false, "foreign"), "unsigned", false)).map((t) => t.token);
});

test("lenient mode: every answer to generated requests conforms to the spec and is the service's answer", async () => {
  const mock = newMock(false, "lenient");
  const started = performance.now();
  const pool = await collectTokens(mock, "unsigned");
  elapsedMs += performance.now() - started;
  const auth = fc.constantFrom<AuthVariant>("unsigned", "signed", "otherAccount");
  await run(mock, drafts({ seededJobIds, pool, foreign, auth, faults: true }), LENIENT_RUNS);
});

test("strict mode: every authentication variant gets its 403, and signed requests the service's answer", async () => {
  const mock = newMock(true, "strict");
  const started = performance.now();
  const pool = await collectTokens(mock, "signed");
  elapsedMs += performance.now() - started;
  const auth = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom<AuthVariant>("signed", "session") },
    {
      weight: 6,
      arbitrary: fc.constantFrom<AuthVariant>(
        "unsigned",
        "otherAccount",
        "sessionWithoutToken",
        "sessionWrongToken",
        "wrongSecret",
        "unknownKey",
        "expired",
        "notYetValid",
        "wrongRegion",
        "wrongService",
        "tamperedDate",
        "malformed",
        "denied",
      ),
    },
  );
  await run(mock, drafts({ seededJobIds, pool, foreign, auth, faults: false }), STRICT_RUNS);
});

test("a token re-encoded with other trailing bits is refused like any altered token", async () => {
  // base64url's last character carries 2 or 4 bits that decoding drops: "…MF0" and "…MF1" decode alike.
  const mock = newMock(false, "trailing-bits");
  const [entry] = (await collectTokens(mock, "unsigned", false)).filter((t) => t.token.length % 4 !== 0);
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  const accepted: string[] = [];
  for (const c of alphabet) {
    const altered = entry!.token.slice(0, -1) + c;
    if (altered === entry!.token) continue;
    const d: Draft = {
      jobId: { raw: entry!.jobId, validity: "valid" },
      status: entry!.status === undefined ? undefined : { raw: entry!.status, validity: "valid" },
      token: { kind: "corrupted", raw: altered },
      endpoint: { host: "iot.us-east-1.amazonaws.com", region: "us-east-1" },
      auth: "unsigned",
      plus: false,
    };
    const o = await checkAgainstSpec((await send(mock, d, TEST_CREDENTIALS))!, altered);
    record(o);
    if (o.status === 200) accepted.push(altered.slice(-4));
  }
  expect(accepted, "altered tokens the mock accepted").toEqual([]);
});

test("readings AWS does not document: non-canonical integers are read as their value; an empty token is refused", async () => {
  const mock = newMock(false, "readings");
  const get = async (query: string) => {
    const url = `https://iot.us-east-1.amazonaws.com/jobs/fw-1/things?${query}`;
    const o = await checkAgainstSpec((await mock.handle(new Request(url)))!, query);
    record(o);
    return [o.status, (o.body.executionSummaries as unknown[] | undefined)?.length ?? o.body.message];
  };
  for (const q of ["maxResults=%2B5", "maxResults=05", "maxResults=5.0"]) expect(await get(q)).toEqual([200, 5]);
  expect(await get("maxResults=5.5")).toEqual([
    400,
    "1 validation error detected: Value '5.5' at 'maxResults' failed to satisfy constraint: Member must be an integer",
  ]);
  expect(await get("nextToken=")).toEqual([400, "The nextToken is not valid for this request."]);
});

test("coverage: every (status × named example) of the spec was produced, in ≥ 10,000 requests", () => {
  const rows = exampleCategories(responses);
  const counts = new Map<string, number>();
  const unnamed = new Map<string, number>();
  for (const s of seen) {
    if (s.category) counts.set(s.category, (counts.get(s.category) ?? 0) + 1);
    else unnamed.set(s.unnamed, (unnamed.get(s.unnamed) ?? 0) + 1);
  }
  const lines = rows.map(
    (r) =>
      `${r.status}  ${r.example.padEnd(20)} ${r.category.looksLike.padEnd(52)} ${String(counts.get(r.example) ?? 0).padStart(6)}`,
  );
  const others = [...unnamed].sort(([a], [b]) => a.localeCompare(b));
  console.info(
    [
      `[contract] ${requests} requests in ${(elapsedMs / 1000).toFixed(1)} s (seed ${seed})`,
      "status example              looks like                                            count",
      ...lines,
      "responses no named example stands for (declared statuses, spec-valid bodies):",
      ...others.map(([key, n]) => `     ${key.padEnd(73)} ${String(n).padStart(6)}`),
    ].join("\n"),
  );
  const never = rows.filter((r) => !counts.get(r.example)).map((r) => `${r.status} ${r.example}`);
  expect(never, "examples no generated request produced").toEqual([]);
  expect(requests).toBeGreaterThanOrEqual(MIN_REQUESTS);
});
