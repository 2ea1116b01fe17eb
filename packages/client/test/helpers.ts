import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, vi } from "vitest";
import { createIotJobsClient, type IotJobsClientConfig } from "../src/index.js";

/** The AWS documentation's example keys: fake, but the right shape. */
export const credentials = {
  accessKeyId: "AKIDEXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
};

export const BASE = "https://iot.us-east-1.amazonaws.com";
export const ROUTE = `${BASE}/jobs/:jobId/things`;

let shared: ReturnType<typeof setupServer> | undefined;

/**
 * One msw server per test file (also when a file runs several suites): unhandled requests are errors, handlers are
 * registered per test.
 */
export function useServer() {
  if (shared) return shared;
  const server = setupServer();
  shared = server;
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return server;
}

let create: typeof createIotJobsClient = createIotJobsClient;

/**
 * Makes the suites of this test file create their clients with another entry's `createIotJobsClient` (the `node`
 * entry, which sends with node:http). Vitest isolates test files, so the choice stays within the file.
 */
export const useEntry = (factory: typeof createIotJobsClient) => {
  create = factory;
};

/** A client for us-east-1 with the example keys; `config` overrides. */
export const client = <T extends boolean = false>(config: IotJobsClientConfig & { throwOnError?: T } = {}) =>
  create<T>({ region: "us-east-1", credentials, ...config });

/** An AWS error response: the type in `x-amzn-ErrorType`, `{ message }` in the body. */
export const awsError = (
  status: number,
  type: string,
  message = `${type} message`,
  headers: Record<string, string> = {},
) =>
  HttpResponse.json(
    { message },
    { status, headers: { "x-amzn-ErrorType": type, "x-amzn-RequestId": `req-${type}`, ...headers } },
  );

/** A page of `count` executions numbered from `from`, with the wire's epoch-second timestamps. */
export const page = (from: number, count: number, nextToken?: string | null) => ({
  executionSummaries: Array.from({ length: count }, (_, i) => ({
    thingArn: `arn:aws:iot:us-east-1:123456789012:thing/sensor-${from + i}`,
    jobExecutionSummary: {
      status: "SUCCEEDED",
      queuedAt: 1764403200.123,
      lastUpdatedAt: 1764403261.5,
      executionNumber: 1,
    },
  })),
  ...(nextToken === undefined ? {} : { nextToken }),
});

/** A handler answering ListJobExecutionsForJob with `reply`, recording each request. */
export function listHandler(reply: (request: Request, n: number) => Response | Promise<Response>, url = ROUTE) {
  const requests: Request[] = [];
  const handler = http.get(url, ({ request }) => {
    requests.push(request.clone());
    return reply(request, requests.length);
  });
  return { handler, requests };
}

export { HttpResponse, http };

/**
 * Awaits a promise while driving vitest's fake timers (installed for setTimeout, clearTimeout and Date only, so msw
 * and undici keep their real timers) in small steps, as a clock would.
 */
export async function settle<T>(promise: Promise<T>, step = 5): Promise<T> {
  let done = false;
  promise.then(
    () => {
      done = true;
    },
    () => {
      done = true;
    },
  );
  for (let i = 0; i < 100_000 && !done; i++) {
    // Let real I/O (msw, undici) progress between clock ticks: setImmediate is not faked.
    await new Promise((resolve) => setImmediate(resolve));
    await vi.advanceTimersByTimeAsync(step);
  }
  return promise;
}

/** Fake setTimeout, clearTimeout and Date only. */
export const fakeTimers = () => vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });

/**
 * Turns of the real event loop until `condition` holds, bounded; unlike `vi.waitFor`, it never moves the fake
 * clock, so a backoff or timeout can only fire when the test moves it.
 */
export async function until(condition: () => boolean, turns = 100_000): Promise<void> {
  for (let i = 0; i < turns && !condition(); i++) await new Promise((resolve) => setImmediate(resolve));
  if (!condition()) throw new Error("condition not reached");
}
