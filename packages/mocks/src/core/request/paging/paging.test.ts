import fc from "fast-check";
import { expect, test, vi } from "vitest";
import { createIotJobsMock, type IotJobsMock } from "../../create-iot-jobs-mock.js";
import { type JobExecutionStatus, jobExecutionStatuses } from "../../spec.js";
import { largeFleet } from "../../state/fixtures/scenarios.js";
import { SeqSet } from "../../state/store/seq-set.js";

const endpoint = "https://iot.us-east-1.amazonaws.com";
type Page = {
  executionSummaries: { thingArn: string; jobExecutionSummary: { status: JobExecutionStatus } }[];
  nextToken?: string;
};

async function page(
  mock: IotJobsMock,
  jobId: string,
  query: Record<string, string | number | undefined>,
  headers: Record<string, string> = {},
) {
  const q = new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined) as [string, string][]);
  const response = (await mock.handle(new Request(`${endpoint}/jobs/${jobId}/things?${q}`, { headers })))!;
  return { status: response.status, body: (await response.json()) as Page & { message?: string } };
}

async function scan(mock: IotJobsMock, jobId: string, query: { status?: string; maxResults?: number } = {}) {
  const items: Page["executionSummaries"] = [];
  let nextToken: string | undefined;
  let pages = 0;
  do {
    const { status, body } = await page(mock, jobId, { ...query, nextToken });
    expect(status).toBe(200);
    items.push(...body.executionSummaries);
    nextToken = body.nextToken;
    pages++;
  } while (nextToken);
  return { items, pages };
}

const thing = (arn: string) => arn.slice(arn.lastIndexOf("/") + 1);

test("without maxResults a page holds the default page size (100)", async () => {
  const mock = createIotJobsMock();
  mock.store.createJob({ jobId: "j", fleet: { count: 250 } });
  const first = await page(mock, "j", {});
  expect(first.body.executionSummaries).toHaveLength(100);
  const { items, pages } = await scan(mock, "j");
  expect(pages).toBe(3);
  expect(items.map((i) => thing(i.thingArn))).toEqual(
    Array.from({ length: 250 }, (_, i) => `thing-${String(i + 1).padStart(4, "0")}`),
  );
  const custom = createIotJobsMock({ defaultPageSize: 7 });
  custom.store.createJob({ jobId: "j", fleet: { count: 20 } });
  expect((await page(custom, "j", {})).body.executionSummaries).toHaveLength(7);
  expect(() => createIotJobsMock({ defaultPageSize: 251 })).toThrow(
    /defaultPageSize: value 251 must have value less than or equal to 250/,
  );
});

test("the last page has no nextToken, even when it is exactly full; an empty job gives one empty page", async () => {
  const mock = createIotJobsMock();
  mock.store.createJob({ jobId: "j", fleet: { count: 10, statuses: { FAILED: 1, QUEUED: 1 } } });
  mock.store.createJob({ jobId: "empty" });
  expect(await scan(mock, "j", { maxResults: 5 })).toMatchObject({ pages: 2 });
  expect(await scan(mock, "j", { maxResults: 5, status: "FAILED" })).toMatchObject({ pages: 1 });
  expect(await page(mock, "empty", {})).toEqual({ status: 200, body: { executionSummaries: [] } });
  expect(await page(mock, "j", { status: "REMOVED" })).toEqual({ status: 200, body: { executionSummaries: [] } });
});

test("a status filter pages through exactly the executions in that status, in order", async () => {
  const mock = createIotJobsMock();
  const job = mock.store.createJob(largeFleet({ count: 5_000 }));
  for (const status of jobExecutionStatuses) {
    const { items } = await scan(mock, "large-fleet", { status, maxResults: 97 });
    const want = job
      .list()
      .filter((e) => e.status === status)
      .map((e) => e.thingName);
    expect(items.map((i) => thing(i.thingArn))).toEqual(want);
  }
});

test("tokens are refused for another job, filter, account, a recreated job, or after reset", async () => {
  const mock = createIotJobsMock({ credentials: [{ accessKeyId: "AKIDA", secretAccessKey: "a" }] });
  mock.store.createJob({ jobId: "a", fleet: { count: 10 } });
  mock.store.createJob({ jobId: "b", fleet: { count: 10 } });
  mock.store.createJob({ jobId: "a", accessKeyId: "AKIDA", fleet: { count: 10 } });
  const token = (await page(mock, "a", { maxResults: 2 })).body.nextToken!;
  const refused = { status: 400, body: { message: "The nextToken is not valid for this request." } };
  expect(await page(mock, "b", { nextToken: token })).toEqual(refused);
  expect(await page(mock, "a", { nextToken: token, status: "QUEUED" })).toEqual(refused);
  const otherAccount = {
    authorization:
      "AWS4-HMAC-SHA256 Credential=AKIDA/20261129/us-east-1/iot/aws4_request, SignedHeaders=host, Signature=00",
  };
  expect(await page(mock, "a", { nextToken: token }, otherAccount)).toEqual(refused);
  expect((await page(mock, "a", { nextToken: token })).status).toBe(200); // still fine where it belongs
  mock.store.deleteJob("a");
  mock.store.createJob({ jobId: "a", fleet: { count: 10 } });
  expect(await page(mock, "a", { nextToken: token })).toEqual(refused);
  const fresh = (await page(mock, "a", { maxResults: 2 })).body.nextToken!;
  mock.reset();
  mock.store.createJob({ jobId: "a", fleet: { count: 10 } });
  expect(await page(mock, "a", { nextToken: fresh })).toEqual(refused);
});

test("an unknown job is a 404 even with a token", async () => {
  const mock = createIotJobsMock();
  expect(await page(mock, "nope", { nextToken: "whatever" })).toEqual({
    status: 404,
    body: { message: "Job nope does not exist." },
  });
});

test("executions added or changed during a scan: none duplicated, none that existed at the start skipped", async () => {
  const statuses = fc.constantFrom(...jobExecutionStatuses);
  const change = fc.record({ thing: fc.nat(59), to: statuses, add: fc.boolean() });
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 1, max: 13 }),
      fc.array(fc.array(change, { maxLength: 6 }), { maxLength: 20 }),
      async (size, changesPerPage) => {
        const mock = createIotJobsMock();
        const job = mock.store.createJob({ jobId: "j", fleet: { count: 60, statuses: { QUEUED: 1, IN_PROGRESS: 1 } } });
        const initial = job.list().map((e) => e.thingName);
        const seen: string[] = [];
        let nextToken: string | undefined;
        let round = 0;
        let added = 0;
        do {
          const { body } = await page(mock, "j", { maxResults: size, nextToken });
          seen.push(...body.executionSummaries.map((i) => thing(i.thingArn)));
          nextToken = body.nextToken;
          for (const c of changesPerPage[round++] ?? []) {
            if (c.add) job.add({ thingName: `late-${added++}` });
            const e = job.list()[c.thing]!;
            try {
              job.transition(e.thingName, c.to);
            } catch {} // illegal transitions are part of the noise
          }
        } while (nextToken);
        expect(new Set(seen).size).toBe(seen.length); // no duplicates
        expect(seen).toEqual(initial); // every execution of the scan's start, once, in order; none added later
      },
    ),
    { numRuns: 60 },
  );
});

test("with a filter, a scan returns each execution at most once and only in the filtered status", async () => {
  const mock = createIotJobsMock();
  const job = mock.store.createJob({ jobId: "j", fleet: { count: 300, statuses: { QUEUED: 1, IN_PROGRESS: 1 } } });
  const stillQueued = new Set(
    job
      .list()
      .filter((e) => e.status === "QUEUED")
      .map((e) => e.thingName),
  );
  const seen: string[] = [];
  let nextToken: string | undefined;
  let n = 0;
  do {
    const { body } = await page(mock, "j", { maxResults: 10, status: "QUEUED", nextToken });
    for (const item of body.executionSummaries) expect(item.jobExecutionSummary.status).toBe("QUEUED");
    seen.push(...body.executionSummaries.map((i) => thing(i.thingArn)));
    nextToken = body.nextToken;
    // Between pages, start a queued execution further down the list: it must not appear any more.
    const ahead = job.list().find((e, i) => i > 30 * ++n && e.status === "QUEUED");
    if (ahead) {
      job.transition(ahead.thingName, "IN_PROGRESS");
      stillQueued.delete(ahead.thingName);
    }
  } while (nextToken);
  expect(new Set(seen).size).toBe(seen.length);
  expect(seen.filter((t) => stillQueued.has(t))).toEqual([...stillQueued]); // every one that stayed QUEUED, in order
});

test("a filtered page costs O(page × log₃₂ n), not O(n): index steps are counted, not timed", async () => {
  const mock = createIotJobsMock();
  const job = mock.store.createJob({
    jobId: "big",
    fleet: { count: 1_000_000, statuses: { SUCCEEDED: 999_990, FAILED: 10 } },
  });
  expect(job.counts().FAILED).toBe(10);
  const spy = vi.spyOn(SeqSet.prototype as unknown as { nextAt: (l: number, i: number) => number }, "nextAt");
  const first = await page(mock, "big", { status: "FAILED", maxResults: 3 });
  expect(first.body.executionSummaries).toHaveLength(3);
  // Each of the 3 items plus the look-ahead is one `next`, and each `next` climbs at most 4 levels for 10⁶ bits
  // and back: far from the 10⁶ rows a scan of the job would touch.
  expect(spy.mock.calls.length).toBeGreaterThan(0); // the spy does see the index at work
  expect(spy.mock.calls.length).toBeLessThanOrEqual(4 * 4);
  spy.mockClear();
  const all = await scan(mock, "big", { status: "FAILED", maxResults: 250 });
  expect(all.items).toHaveLength(10);
  expect(spy.mock.calls.length).toBeLessThanOrEqual(11 * 4);
  spy.mockRestore();
});
