import type { IotJobsMock, IotJobsMockOptions } from "@iot-jobs/mocks/node";
import { vi } from "vitest";
import {
  createIotJobsClient,
  type IotJobsClientConfig,
  type JobExecutionSummaryForJob,
  type ListJobExecutionsForJobOutput,
} from "../../src/index.js";

/**
 * How a suite reaches a mock: in-process through msw's `setupServer`, or the standalone server over loopback.
 * `open` gives a fresh mock per test and the client settings that reach it; the transport tears it down.
 */
export interface Transport {
  readonly name: string;
  open(options?: IotJobsMockOptions): Promise<{ mock: IotJobsMock; config: IotJobsClientConfig }>;
}

/** The keys the mocks know by default (account 123456789012). */
export { TEST_CREDENTIALS as credentials } from "@iot-jobs/mocks/node";

let create: typeof createIotJobsClient = createIotJobsClient;

/**
 * Makes the suites of this test file use another entry's `createIotJobsClient` (e.g. the `node` entry, which signs
 * on node:crypto and sends with node:http). Vitest isolates test files, so the choice stays within the file.
 */
export const useEntry = (factory: typeof createIotJobsClient) => {
  create = factory;
};

/** A client for a transport's mock; `config` overrides. */
export const clientFor = <T extends boolean = false>(
  base: Omit<IotJobsClientConfig, "throwOnError">,
  config: Omit<IotJobsClientConfig, "throwOnError"> & { throwOnError?: T } = {},
) => create<T>({ ...base, ...config });

/**
 * Fake `setTimeout`/`clearTimeout` only: the client's backoff and timeouts then cost no real time, while msw,
 * node:http and undici keep real I/O. Install before the client sleeps; `vi.useRealTimers()` after.
 */
export const fakeTimers = () => vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });

/**
 * Awaits a promise while moving the fake clock `ratio` times faster than the real one, between turns of the real
 * event loop: a 500 ms backoff costs 10 ms, and a request on the wire, however slow a loaded machine makes it,
 * is overtaken by the clock only after `1 / ratio` of the fake time has really passed (100 ms for a 5 s timeout).
 */
export async function drive<T>(promise: Promise<T>, ratio = 50): Promise<T> {
  let settled = false;
  promise.then(
    () => {
      settled = true;
    },
    () => {
      settled = true;
    },
  );
  let last = performance.now();
  let owed = 0;
  while (!settled) {
    await new Promise((resolve) => setImmediate(resolve));
    const now = performance.now();
    owed += (now - last) * ratio;
    last = now;
    const step = Math.floor(owed);
    if (step > 0) {
      owed -= step;
      await vi.advanceTimersByTimeAsync(step);
    }
  }
  return promise;
}

/** Turns of the real event loop until `condition` holds (the fake clock does not move). */
export async function until(condition: () => boolean, turns = 10_000): Promise<void> {
  for (let i = 0; i < turns && !condition(); i++) await new Promise((resolve) => setImmediate(resolve));
  if (!condition()) throw new Error("condition not reached");
}

/** Every page of a scan, and the executions in order. */
export async function scan(pages: AsyncIterable<ListJobExecutionsForJobOutput>) {
  const all: ListJobExecutionsForJobOutput[] = [];
  const executions: JobExecutionSummaryForJob[] = [];
  for await (const page of pages) {
    all.push(page);
    executions.push(...(page.executionSummaries ?? []));
  }
  return { pages: all, executions };
}

/** A client-side execution in the store's terms (Dates as epoch ms), to compare with `job.list()`. */
export const asStored = (e: JobExecutionSummaryForJob) => {
  const s = e.jobExecutionSummary;
  return {
    thingArn: e.thingArn,
    status: s?.status,
    queuedAt: s?.queuedAt?.getTime(),
    startedAt: s?.startedAt?.getTime(),
    lastUpdatedAt: s?.lastUpdatedAt?.getTime(),
    executionNumber: s?.executionNumber,
    retryAttempt: s?.retryAttempt,
  };
};

/** A stored execution in the same terms. */
export const stored = (e: {
  thingArn: string;
  status: string;
  queuedAt: Date;
  startedAt: Date | undefined;
  lastUpdatedAt: Date;
  executionNumber: number;
  retryAttempt: number;
}) => ({
  thingArn: e.thingArn,
  status: e.status,
  queuedAt: e.queuedAt.getTime(),
  startedAt: e.startedAt?.getTime(),
  lastUpdatedAt: e.lastUpdatedAt.getTime(),
  executionNumber: e.executionNumber,
  retryAttempt: e.retryAttempt,
});
