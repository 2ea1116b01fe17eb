import type { IotJobsMock } from "@iot-jobs/mocks";
import { afterEach, beforeEach, expect, test, vi } from "vitest";
import type { Fetch } from "./call-recorder.js";
import { createDemoMock, DEMO_CREDENTIALS, DEMO_START, DEMO_WARMUP_MS } from "./demo-fleet.js";
import { createPlayground, type MockHost } from "./playground.js";

// The controller in Node, against the demo mock answering the client's fetch directly (`mock.handle`): the same
// requests, signatures and answers the service worker gives the page. Backoff waits run on fake timers.
const endpoint = "http://playground.test/api";

function setup() {
  let mock: IotJobsMock = createDemoMock(endpoint);
  const host: MockHost = {
    get mock() {
      return mock;
    },
    reset: () => {
      mock = createDemoMock(endpoint);
      return mock;
    },
  };
  const send: Fetch = async (input, init) =>
    (await host.mock.handle(new Request(input, init))) ?? new Response("no handler", { status: 599 });
  const changes = vi.fn();
  return { host, changes, playground: createPlayground({ endpoint, host, onChange: changes, send }) };
}

/** Runs a call to its end, moving fake time on while it waits to retry. */
async function settle(work: Promise<unknown>) {
  let done = false;
  void work.finally(() => {
    done = true;
  });
  while (!done) await vi.advanceTimersByTimeAsync(50);
  await work;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
});
afterEach(() => {
  vi.useRealTimers();
});

test("pages through a filtered job to its end; the count is the fleet's for that status", async () => {
  const { playground, host } = setup();
  await settle(playground.setQuery({ jobId: "failed-rollout", status: "FAILED", pageSize: 7 }));
  const { state } = playground;
  expect(state.expected).toBe(host.mock.store.job("failed-rollout")?.counts().FAILED);
  expect(state.expected).toBe(20);
  while (!playground.state.listing?.done) await settle(playground.nextPage());
  expect(playground.state.listing).toMatchObject({ pages: 3, executions: 20, done: true, nextToken: undefined });
  expect(playground.state.listing?.rows).toHaveLength(6);
  for (const row of playground.state.listing?.rows ?? []) {
    expect(row.jobExecutionSummary?.status).toBe("FAILED");
    expect(row.jobExecutionSummary?.queuedAt).toBeInstanceOf(Date);
  }
  expect(playground.state.busy).toBe(false);
});

test("records what the client sent: method, URL and the SigV4 headers the mock verified", async () => {
  const { playground } = setup();
  await settle(playground.setQuery({ jobId: "rollout-in-progress", status: "QUEUED", pageSize: 10 }));
  const call = playground.state.call;
  expect(call?.attempts).toHaveLength(1);
  const [attempt] = call?.attempts ?? [];
  expect(attempt?.method).toBe("GET");
  const url = new URL(attempt?.url ?? "");
  expect(url.origin + url.pathname).toBe(`${endpoint}/jobs/rollout-in-progress/things`);
  expect(Object.fromEntries(url.searchParams)).toEqual({ maxResults: "10", status: "QUEUED" });
  const headers = new Map(attempt?.headers);
  expect(headers.get("authorization")).toMatch(
    new RegExp(`^AWS4-HMAC-SHA256 Credential=${DEMO_CREDENTIALS.accessKeyId}/\\d{8}/us-east-1/iot/aws4_request, `),
  );
  expect(headers.get("x-amz-date")).toMatch(/^\d{8}T\d{6}Z$/);
  expect(attempt?.response).toEqual({ status: 200 });
  expect(call?.outcome).toMatchObject({ kind: "page", count: 10, metadata: { httpStatusCode: 200, attempts: 1 } });
});

test("scan all follows every token with the paginator, counting as it goes", async () => {
  const { playground, changes } = setup();
  await settle(playground.setQuery({ jobId: "large-fleet", status: "FAILED", pageSize: 250 }));
  changes.mockClear();
  await settle(playground.scanAll());
  expect(playground.state.listing).toMatchObject({ pages: 12, executions: 3000, done: true, scanning: false });
  expect(playground.state.expected).toBe(3000);
  // The page re-renders after each page at least.
  expect(changes.mock.calls.length).toBeGreaterThanOrEqual(12);
});

test("a throttle on the next two requests is retried: three attempts, then the page", async () => {
  const { playground } = setup();
  playground.injectFault("throttling", { times: 2 });
  expect(playground.state.faults).toHaveLength(1);
  await settle(playground.firstPage());
  const call = playground.state.call;
  expect(call?.attempts.map((a) => a.response)).toEqual([
    { status: 400, errorType: "ThrottlingException" },
    { status: 400, errorType: "ThrottlingException" },
    { status: 200 },
  ]);
  expect(call?.outcome).toMatchObject({ kind: "page", count: 25, metadata: { attempts: 3, httpStatusCode: 200 } });
  expect(playground.state.faults).toEqual([]); // used up
});

test("every request unavailable: a typed ServiceUnavailableException after the configured attempts", async () => {
  const { playground } = setup();
  playground.setMaxAttempts(4);
  playground.injectFault("unavailable", { rate: 1 });
  await settle(playground.firstPage());
  const call = playground.state.call;
  expect(call?.attempts.map((a) => a.response?.status)).toEqual([503, 503, 503, 503]);
  expect(call?.outcome?.kind).toBe("error");
  const error = call?.outcome?.kind === "error" ? call.outcome.error : undefined;
  expect(error).toMatchObject({
    name: "ServiceUnavailableException",
    $fault: "server",
    $retryable: { throttling: false },
    $metadata: { httpStatusCode: 503, attempts: 4 },
  });
  expect(playground.state.listing).toMatchObject({ pages: 0, stoppedBy: "error" });
  playground.clearFaults();
  await settle(playground.firstPage());
  expect(playground.state.call?.outcome).toMatchObject({ kind: "page", metadata: { attempts: 1 } });
  expect(playground.state.listing).toMatchObject({ pages: 1, stoppedBy: undefined });
});

test("bad settings are typed errors: a page size over the spec's maximum is never sent", async () => {
  const { playground } = setup();
  await settle(playground.setQuery({ jobId: "failed-rollout", pageSize: 500 }));
  expect(playground.state.call?.attempts).toEqual([]);
  expect(playground.state.call?.outcome).toMatchObject({
    kind: "error",
    error: { name: "ParamValidationError", field: "maxResults", value: 500 },
  });
  // The listing knows its call failed: no page, no "more pages".
  expect(playground.state.listing).toMatchObject({ pages: 0, executions: 0, done: false, stoppedBy: "error" });
  playground.setMaxAttempts(0);
  expect(playground.state.maxAttempts).toBe(3);
  expect(playground.state.call?.outcome).toMatchObject({ kind: "error", error: { name: "ConfigurationError" } });
});

test("stopping a call while it waits to retry ends it at once", async () => {
  const { playground } = setup();
  playground.injectFault("unavailable", {});
  const call = playground.firstPage();
  await vi.waitFor(() => expect(playground.state.call?.attempts[0]?.response?.status).toBe(503));
  playground.stop();
  expect(playground.state.busy).toBe(false);
  expect(playground.state.call?.outcome).toEqual({ kind: "stopped" });
  expect(playground.state.listing?.stoppedBy).toBe("reader");
  await settle(call);
  expect(playground.state.call?.outcome).toEqual({ kind: "stopped" });
});

test("the mock clock moves the rollout on; reset brings back the fresh demo", async () => {
  const { playground } = setup();
  const before = playground.state.counts;
  const opening = Date.parse(DEMO_START) + DEMO_WARMUP_MS;
  expect(playground.state.clockMs).toBe(opening);
  // A minute into the rollout: things are in progress.
  expect(before?.IN_PROGRESS).toBeGreaterThan(0);
  playground.advanceClock(10 * 60_000);
  const after = playground.state.counts;
  expect(after?.QUEUED).toBeLessThan(before?.QUEUED ?? 0);
  expect(after?.SUCCEEDED).toBeGreaterThan(before?.SUCCEEDED ?? 0);
  playground.injectFault("throttling", {});
  await settle(playground.setQuery({ jobId: "large-fleet", pageSize: 5 }));
  playground.reset();
  expect(playground.state).toMatchObject({
    clockMs: opening,
    counts: before,
    faults: [],
    listing: undefined,
    call: undefined,
    query: { jobId: "rollout-in-progress", pageSize: 25 },
  });
});
