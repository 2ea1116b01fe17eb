import { afterEach, expect, test, vi } from "vitest";
import {
  type ListJobExecutionsForJobOutput,
  PaginationError,
  ParamValidationError,
  ResourceNotFoundException,
} from "../../src/index.js";
import { awsError, client, HttpResponse, listHandler, page, useServer } from "../helpers.js";

const server = useServer();

afterEach(() => {
  vi.restoreAllMocks();
});

/** A job of `total` executions served `size` per page, the token being the next offset (as text). */
function job(total: number, size = 2, tokens: (offset: number) => string = (o) => `t${o}`) {
  return listHandler((request) => {
    const token = new URL(request.url).searchParams.get("nextToken");
    const from = token ? Number(token.slice(1)) : 0;
    const count = Math.min(size, total - from);
    return HttpResponse.json(page(from, count, from + count < total ? tokens(from + count) : undefined));
  });
}

const collect = async <T>(iterable: AsyncIterable<T>) => {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
};

const arns = (pages: ListJobExecutionsForJobOutput[]) =>
  pages.flatMap((p) => p.executionSummaries?.map((e) => e.thingArn?.split("-").pop()) ?? []);

test("pages are followed until nextToken is absent, each with Dates and $metadata", async () => {
  const { handler, requests } = job(5);
  server.use(handler);
  const pages = await collect(client().paginateListJobExecutionsForJob({ jobId: "j" }));
  expect(pages).toHaveLength(3);
  expect(arns(pages)).toEqual(["0", "1", "2", "3", "4"]);
  expect(pages[0]?.executionSummaries?.[0]?.jobExecutionSummary?.queuedAt).toBeInstanceOf(Date);
  expect(pages[2]?.$metadata).toMatchObject({ httpStatusCode: 200, attempts: 1 });
  expect(requests.map((r) => new URL(r.url).searchParams.get("nextToken"))).toEqual([null, "t2", "t4"]);
});

test("a null nextToken ends the pagination too", async () => {
  const { handler, requests } = listHandler((_, n) => HttpResponse.json(page(n, 1, n < 2 ? `t${n}` : null)));
  server.use(handler);
  expect(await collect(client().paginateListJobExecutionsForJob({ jobId: "j" }))).toHaveLength(2);
  expect(requests).toHaveLength(2);
});

test("a page may hold fewer items than maxResults and still carry a token: tokens are followed, items not counted", async () => {
  const { handler, requests } = listHandler((_, n) =>
    HttpResponse.json(page(n, n === 1 ? 0 : 1, n < 3 ? `t${n}` : undefined)),
  );
  server.use(handler);
  const pages = await collect(client().paginateListJobExecutionsForJob({ jobId: "j" }, { pageSize: 100 }));
  expect(pages.map((p) => p.executionSummaries?.length)).toEqual([0, 1, 1]);
  expect(requests.every((r) => new URL(r.url).searchParams.get("maxResults") === "100")).toBe(true);
});

test("pageSize becomes maxResults; startingToken resumes; the input's status is kept on every page", async () => {
  const { handler, requests } = job(7, 3);
  server.use(handler);
  const pages = await collect(
    client().paginateListJobExecutionsForJob({ jobId: "j", status: "FAILED" }, { pageSize: 3, startingToken: "t3" }),
  );
  expect(arns(pages)).toEqual(["3", "4", "5", "6"]);
  for (const request of requests) {
    const query = Object.fromEntries(new URL(request.url).searchParams);
    expect(query).toMatchObject({ status: "FAILED", maxResults: "3" });
  }
  expect(new URL(requests[0]?.url ?? "").searchParams.get("nextToken")).toBe("t3");
});

test("without options the input's maxResults and nextToken are used", async () => {
  const { handler, requests } = job(4, 2);
  server.use(handler);
  const pages = await collect(client().paginateListJobExecutionsForJob({ jobId: "j", maxResults: 2, nextToken: "t2" }));
  expect(arns(pages)).toEqual(["2", "3"]);
  expect(Object.fromEntries(new URL(requests[0]?.url ?? "").searchParams)).toEqual({
    maxResults: "2",
    nextToken: "t2",
  });
});

test("listAllJobExecutionsForJob yields every execution in order", async () => {
  server.use(job(9, 4).handler);
  const executions = await collect(client().listAllJobExecutionsForJob({ jobId: "j" }, { pageSize: 4 }));
  expect(executions.map((e) => e.thingArn?.split("-").pop())).toEqual(["0", "1", "2", "3", "4", "5", "6", "7", "8"]);
  expect(executions[0]?.jobExecutionSummary?.lastUpdatedAt).toEqual(new Date(1764403261500));
});

test("the same token twice in a row is a PaginationError, before the repeating page is yielded", async () => {
  const { handler, requests } = listHandler((_, n) => HttpResponse.json(page(n, 1, n === 1 ? "A" : "B")));
  server.use(handler);
  const seen: ListJobExecutionsForJobOutput[] = [];
  const error = await (async () => {
    for await (const p of client().paginateListJobExecutionsForJob({ jobId: "j" })) seen.push(p);
  })().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(PaginationError);
  expect(error).toMatchObject({ token: "B", $fault: "client" });
  expect((error as Error).message).toContain("B");
  expect(seen).toHaveLength(2); // pages with A and with B; the page sent for B that answers B again is not yielded
  expect(requests).toHaveLength(3);
});

test("a service answering the starting token with itself is caught at once", async () => {
  server.use(listHandler(() => HttpResponse.json(page(0, 1, "S"))).handler);
  const error = await collect(client().paginateListJobExecutionsForJob({ jobId: "j" }, { startingToken: "S" })).catch(
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PaginationError);
});

test.each([2, 3, 7, 50])("a cycle of %i tokens is caught within a few rounds (constant memory)", async (length) => {
  // Tokens c0 → c1 → ... → c(length-1) → c0 → ...
  const { handler, requests } = listHandler((request) => {
    const token = new URL(request.url).searchParams.get("nextToken");
    const next = token ? (Number(token.slice(1)) + 1) % length : 0;
    return HttpResponse.json(page(0, 1, `c${next}`));
  });
  server.use(handler);
  const error = await collect(client().paginateListJobExecutionsForJob({ jobId: "j" })).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(PaginationError);
  expect(requests.length).toBeLessThanOrEqual(3 * length + 2);
});

test("a long pagination of unique tokens is never mistaken for a loop", async () => {
  server.use(job(600, 1).handler);
  let count = 0;
  for await (const _ of client().listAllJobExecutionsForJob({ jobId: "j" }, { pageSize: 1 })) count++;
  expect(count).toBe(600);
});

test("a failed page throws its typed error after the pages before it", async () => {
  const { handler } = listHandler((_, n) =>
    n === 1 ? HttpResponse.json(page(0, 1, "t1")) : awsError(404, "ResourceNotFoundException"),
  );
  server.use(handler);
  const seen: unknown[] = [];
  const error = await (async () => {
    for await (const p of client().paginateListJobExecutionsForJob({ jobId: "j" })) seen.push(p);
  })().catch((e: unknown) => e);
  expect(seen).toHaveLength(1);
  expect(error).toBeInstanceOf(ResourceNotFoundException);
});

test("a throttled page is retried and the pagination goes on", async () => {
  vi.spyOn(Math, "random").mockReturnValue(0);
  const { handler, requests } = listHandler((_, n) =>
    n === 2 ? awsError(400, "ThrottlingException") : HttpResponse.json(page(n, 1, n < 3 ? `t${n}` : undefined)),
  );
  server.use(handler);
  const pages = await collect(client().paginateListJobExecutionsForJob({ jobId: "j" }));
  expect(pages).toHaveLength(2);
  expect(pages[1]?.$metadata.attempts).toBe(2);
  expect(requests).toHaveLength(3);
});

test("bad input or pageSize throws a ParamValidationError before any request", async () => {
  const { handler, requests } = job(3);
  server.use(handler);
  await expect(
    collect(client().paginateListJobExecutionsForJob({ jobId: "j" }, { pageSize: 0 })),
  ).rejects.toMatchObject({
    name: "ParamValidationError",
    field: "maxResults",
    constraint: "minimum: 1",
  });
  await expect(collect(client().listAllJobExecutionsForJob({ jobId: "no spaces" }))).rejects.toBeInstanceOf(
    ParamValidationError,
  );
  expect(requests).toHaveLength(0);
});

test("the paginators always throw, also on a client without throwOnError", async () => {
  server.use(listHandler(() => awsError(400, "InvalidRequestException")).handler);
  await expect(
    collect(client({ throwOnError: false }).paginateListJobExecutionsForJob({ jobId: "j" })),
  ).rejects.toMatchObject({
    name: "InvalidRequestException",
  });
});

test("an abort stops the pagination with the signal's reason", async () => {
  server.use(job(10, 1).handler);
  const controller = new AbortController();
  const reason = new Error("enough");
  let pages = 0;
  const run = (async () => {
    for await (const _ of client().paginateListJobExecutionsForJob({ jobId: "j" }, { signal: controller.signal })) {
      if (++pages === 2) controller.abort(reason);
    }
  })();
  await expect(run).rejects.toBe(reason);
  expect(pages).toBe(2);
});

test("breaking out of the loop stops requesting pages", async () => {
  const { handler, requests } = job(100, 1);
  server.use(handler);
  for await (const _ of client().listAllJobExecutionsForJob({ jobId: "j" })) {
    if (requests.length === 3) break;
  }
  expect(requests).toHaveLength(3);
});

test("a page that fails all its attempts is asked for again (pageRetries); the scan goes on, every item once", async () => {
  vi.spyOn(Math, "random").mockReturnValue(0); // no backoff waits
  // Requests 2..6 are throttled: page 2's first call (3 attempts) fails, its first page retry fails twice more.
  const { handler, requests } = listHandler((request, n) => {
    if (n >= 2 && n <= 6) return awsError(400, "ThrottlingException");
    const token = new URL(request.url).searchParams.get("nextToken");
    const from = token ? Number(token.slice(1)) : 0;
    return HttpResponse.json(page(from, 2, from < 4 ? `t${from + 2}` : undefined));
  });
  server.use(handler);
  const pages = await collect(client().paginateListJobExecutionsForJob({ jobId: "j" }));
  expect(arns(pages)).toEqual(["0", "1", "2", "3", "4", "5"]);
  expect(pages.map((p) => p.$metadata.attempts)).toEqual([1, 3, 1]);
  expect(requests.map((r) => new URL(r.url).searchParams.get("nextToken"))).toEqual([
    null,
    ...Array(6).fill("t2"),
    "t4",
  ]);
});

test("page retries wait a backoff that continues the call's: full jitter up to 2, 4, 8 s after throttling", async () => {
  vi.spyOn(Math, "random").mockReturnValue(0.5);
  const waits: number[] = [];
  const realSetTimeout = globalThis.setTimeout;
  vi.spyOn(globalThis, "setTimeout").mockImplementation(((fn: () => void, ms?: number) => {
    if (ms) waits.push(ms);
    return realSetTimeout(fn, 0);
  }) as typeof setTimeout);
  server.use(
    listHandler((_, n) => (n <= 9 ? awsError(400, "ThrottlingException") : HttpResponse.json(page(0, 1)))).handler,
  );
  await collect(client().paginateListJobExecutionsForJob({ jobId: "j" }));
  // Three failed calls of three attempts, each with the call's own backoffs (250, 500) and then the page's (1000,
  // 2000, 4000: half of 2, 4, 8 s), and a fourth call that succeeds.
  expect(waits).toEqual([250, 500, 1_000, 250, 500, 2_000, 250, 500, 4_000]);
});

test("pageRetries: 0 turns page retries off; every error thrown mid-scan carries the token to resume from", async () => {
  vi.spyOn(Math, "random").mockReturnValue(0);
  let failing = true;
  const { handler } = listHandler((request) => {
    const token = new URL(request.url).searchParams.get("nextToken");
    const from = token ? Number(token.slice(1)) : 0;
    if (from === 4 && failing) return awsError(503, "ServiceUnavailableException");
    return HttpResponse.json(page(from, 2, from < 6 ? `t${from + 2}` : undefined));
  });
  server.use(handler);
  const seen: string[] = [];
  const error = await (async () => {
    for await (const e of client().listAllJobExecutionsForJob({ jobId: "j" }, { pageRetries: 0 })) {
      seen.push(e.thingArn?.split("-").pop() ?? "");
    }
  })().catch((e: unknown) => e);
  expect(error).toMatchObject({ name: "ServiceUnavailableException", resumeToken: "t4", $metadata: { attempts: 3 } });
  failing = false;
  const startingToken = (error as { resumeToken: string }).resumeToken;
  for await (const e of client().listAllJobExecutionsForJob({ jobId: "j" }, { startingToken })) {
    seen.push(e.thingArn?.split("-").pop() ?? "");
  }
  expect(seen).toEqual(["0", "1", "2", "3", "4", "5", "6", "7"]);
});

test("an error on the first page carries resumeToken undefined (start over); a repeated token carries its page's", async () => {
  server.use(listHandler(() => awsError(404, "ResourceNotFoundException")).handler);
  const first = await collect(client().paginateListJobExecutionsForJob({ jobId: "j" })).catch((e: unknown) => e);
  expect(first).toBeInstanceOf(ResourceNotFoundException);
  expect(first).toHaveProperty("resumeToken", undefined);
  server.use(listHandler((_, n) => HttpResponse.json(page(n, 1, n === 1 ? "a" : "a"))).handler);
  const loop = await collect(client().paginateListJobExecutionsForJob({ jobId: "j" })).catch((e: unknown) => e);
  expect(loop).toMatchObject({ name: "PaginationError", token: "a", resumeToken: "a" });
});

test("page retries stop when the client's retry token bucket is dry", async () => {
  vi.spyOn(Math, "random").mockReturnValue(0);
  const { handler, requests } = listHandler(() => awsError(503, "ServiceUnavailableException"));
  server.use(handler);
  const c = client({ maxAttempts: 1 });
  // Each failed single-attempt call costs nothing; each page retry 5 tokens: 500 tokens pay for 100 of them.
  const errors: unknown[] = [];
  for (let i = 0; i < 21; i++) {
    errors.push(await collect(c.paginateListJobExecutionsForJob({ jobId: "j" }, { pageRetries: 5 })).catch((e) => e));
  }
  expect(requests).toHaveLength(20 * 6 + 1);
  expect(errors.every((e) => e instanceof Error && e.name === "ServiceUnavailableException")).toBe(true);
});

test("an abort while a page waits to be retried rejects at once with the signal's reason", async () => {
  vi.spyOn(Math, "random").mockReturnValue(1);
  server.use(listHandler(() => awsError(400, "ThrottlingException")).handler);
  const controller = new AbortController();
  const reason = new Error("stop");
  const run = collect(
    client({ maxAttempts: 1 }).paginateListJobExecutionsForJob({ jobId: "j" }, { signal: controller.signal }),
  );
  // The page's first retry waits up to 2 s: abort during that wait.
  setImmediate(() => setImmediate(() => controller.abort(reason)));
  await expect(run).rejects.toBe(reason);
});

test.each([-1, 1.5, Number.NaN])("pageRetries %d is refused before any request", async (pageRetries) => {
  const { handler, requests } = job(3);
  server.use(handler);
  await expect(collect(client().paginateListJobExecutionsForJob({ jobId: "j" }, { pageRetries }))).rejects.toThrow(
    `Invalid pageRetries ${pageRetries}: must be an integer ≥ 0`,
  );
  expect(requests).toHaveLength(0);
});
