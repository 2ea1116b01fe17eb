// The playground's state and what the reader can do with it: list a job's executions page by page or all at
// once, inject faults, move the mock clock, reset. It holds no DOM: the page renders `state` on every change,
// and the unit tests drive the same controller in Node.
import {
  createIotJobsClient,
  type IotJobsClient,
  type IotJobsException,
  type JobExecutionStatus,
  type JobExecutionSummaryForJob,
  type ListJobExecutionsForJobInput,
  type ListJobExecutionsForJobOutput,
  type ResponseMetadata,
} from "@iot-jobs/client";
import type { FaultRuleInfo, IotJobsMock } from "@iot-jobs/mocks";
import { type CallLog, CallRecorder, type Fetch } from "./call-recorder.js";
import { DEMO_CREDENTIALS, DEMO_JOBS, DEMO_REGION } from "./demo-fleet.js";

/** What the reader asks for: a job, a status filter (none: every status) and a page size. */
export interface Query {
  readonly jobId: string;
  readonly status?: JobExecutionStatus;
  readonly pageSize: number;
}

/** How a call ended: a page, a typed error (after the client's retries), or stopped by the reader. */
export type Outcome =
  | { readonly kind: "page"; readonly count: number; readonly nextToken?: string; readonly metadata: ResponseMetadata }
  | { readonly kind: "error"; readonly error: Error & Partial<IotJobsException> }
  | { readonly kind: "stopped" };

/** The pages received so far for one query: the last page's rows, and totals. */
export interface Listing {
  readonly query: Query;
  pages: number;
  executions: number;
  rows: readonly JobExecutionSummaryForJob[];
  nextToken?: string;
  /** The service sent a page without `nextToken`: there is nothing more. */
  done: boolean;
  /** A "scan all" is under way. */
  scanning: boolean;
  /** Why the last call of this listing ended without a page: an error (shown in the response panel), or the
   * reader's Stop. Cleared when the next call starts. */
  stoppedBy?: "error" | "reader";
}

/** Everything the page shows. */
export interface PlaygroundState {
  readonly query: Query;
  readonly maxAttempts: number;
  readonly listing: Listing | undefined;
  readonly busy: boolean;
  /** The last call: its attempts, and its outcome once it ended. */
  readonly call: CallLog<Outcome> | undefined;
  /** The mock's side: simulated time, status counts of the job, what the query should list, fault rules. */
  readonly clockMs: number;
  readonly counts: Readonly<Record<JobExecutionStatus, number>> | undefined;
  readonly expected: number;
  readonly faults: readonly FaultRuleInfo[];
}

/** The mock the page talks to, and how to replace it by a fresh one (the service worker serves whichever). */
export interface MockHost {
  readonly mock: IotJobsMock;
  reset(): IotJobsMock;
}

/** A fault the reader can inject (a throttle, a 503, a dropped connection). */
export type FaultType = "throttling" | "unavailable" | "drop";

/** When an injected fault fires. */
export interface FaultWhen {
  /** Fire on the next N matching requests. */
  readonly times?: number;
  /** Fire on this share (0..1) of the requests. With neither: on every request until cleared. */
  readonly rate?: number;
}

/** The query the page opens with (and returns to on reset): the rollout in progress, 25 a page. */
export const INITIAL_QUERY: Query = { jobId: DEMO_JOBS[0]!.jobId, pageSize: 25 };

/** The client's attempts per call at start and after a reset: the AWS SDKs' standard-mode default. */
export const INITIAL_MAX_ATTEMPTS = 3;

/**
 * Creates the controller. `endpoint` is where the client sends (the mock answers there); `send` is the fetch
 * under the recorder (the page's `fetch`, which the service worker answers).
 *
 * @example
 * const playground = createPlayground({ endpoint, host, onChange: () => render(playground.state) });
 * await playground.firstPage();
 */
export function createPlayground(options: {
  readonly endpoint: string;
  readonly host: MockHost;
  readonly onChange: () => void;
  readonly send?: Fetch;
}) {
  const { endpoint, host, onChange } = options;
  const recorder = new CallRecorder<Outcome>(onChange, options.send);
  const clientFor = (maxAttempts: number) =>
    createIotJobsClient({
      region: DEMO_REGION,
      endpoint,
      credentials: DEMO_CREDENTIALS,
      fetch: recorder.fetch,
      maxAttempts,
    });
  let query = INITIAL_QUERY;
  let maxAttempts = INITIAL_MAX_ATTEMPTS;
  let client: IotJobsClient = clientFor(maxAttempts);
  let listing: Listing | undefined;
  let running: AbortController | undefined;

  /** Stops whatever runs, and starts a new run; a run that is no longer `running` drops its results. */
  const begin = () => {
    stop();
    if (listing) listing.stoppedBy = undefined;
    running = new AbortController();
    onChange();
    return running;
  };
  const stop = () => {
    if (running && listing) listing.stoppedBy = "reader";
    running?.abort();
    running = undefined;
    if (listing) listing.scanning = false;
    if (recorder.open) recorder.close({ kind: "stopped" });
  };
  const finish = (run: AbortController, error?: unknown) => {
    if (running !== run) return; // stopped or replaced: its outcome is already recorded
    if (error !== undefined) recorder.close({ kind: "error", error: toError(error) });
    if (listing) listing.scanning = false;
    if (listing && error !== undefined) listing.stoppedBy = "error";
    running = undefined;
    onChange();
  };
  const received = (page: ListJobExecutionsForJobOutput) => {
    const rows = page.executionSummaries ?? [];
    if (!listing) return;
    Object.assign(listing, { pages: listing.pages + 1, executions: listing.executions + rows.length, rows });
    listing.nextToken = page.nextToken;
    listing.done = page.nextToken === undefined;
    recorder.close({ kind: "page", count: rows.length, nextToken: page.nextToken, metadata: page.$metadata });
  };
  const input = (q: Query): ListJobExecutionsForJobInput => ({
    jobId: q.jobId,
    maxResults: q.pageSize,
    ...(q.status ? { status: q.status } : {}),
  });
  const fetchPage = async (token?: string) => {
    const run = begin();
    try {
      const q = listing?.query ?? query;
      const result = await client.listJobExecutionsForJob(
        { ...input(q), ...(token ? { nextToken: token } : {}) },
        { signal: run.signal },
      );
      if (running !== run) return;
      if (result.error) return finish(run, result.error);
      received(result.data);
      finish(run);
    } catch (error) {
      finish(run, error);
    }
  };

  return {
    get state(): PlaygroundState {
      const mock = host.mock;
      const counts = mock.store.job(query.jobId)?.counts();
      const expected = counts ? (query.status ? counts[query.status] : sum(Object.values(counts))) : 0;
      const faults = mock.faults.list().filter((rule) => rule.active);
      const busy = running !== undefined;
      const clockMs = mock.clock.now();
      return { query, maxAttempts, listing, busy, call: recorder.current, clockMs, counts, expected, faults };
    },
    /** Changes the query and lists its first page. */
    setQuery(next: Query) {
      query = next;
      return this.firstPage();
    },
    /** Lists the first page of the query (a new listing). */
    firstPage() {
      listing = { query, pages: 0, executions: 0, rows: [], done: false, scanning: false };
      return fetchPage();
    },
    /** Lists the page after the last one received. */
    nextPage() {
      if (!listing?.nextToken) return this.firstPage();
      return fetchPage(listing.nextToken);
    },
    /** Lists every page of the query with the client's paginator, from the first. */
    async scanAll() {
      const run = begin();
      listing = { query, pages: 0, executions: 0, rows: [], done: false, scanning: true };
      try {
        const pages = client.paginateListJobExecutionsForJob(input(query), { signal: run.signal });
        for await (const page of pages) {
          if (running !== run) return;
          received(page);
          onChange();
        }
        finish(run);
      } catch (error) {
        finish(run, error);
      }
    },
    /** Stops the call or scan under way (the client rejects at once, also while it waits to retry). */
    stop() {
      stop();
      onChange();
    },
    /** Sets the client's attempts per call (a new client: fresh retry tokens). */
    setMaxAttempts(attempts: number) {
      try {
        client = clientFor(attempts);
        maxAttempts = attempts;
      } catch (error) {
        recorder.close({ kind: "error", error: toError(error) }); // a ConfigurationError, shown like any other
      }
      onChange();
    },
    injectFault(type: FaultType, when: FaultWhen) {
      host.mock.faults.inject({ type }, when);
      onChange();
    },
    clearFaults() {
      host.mock.faults.clear();
      onChange();
    },
    /** Moves the mock's clock on: rollouts start and finish executions on their schedule. */
    advanceClock(ms: number) {
      host.mock.clock.advance(ms);
      onChange();
    },
    /** Back to the start: a fresh mock (demo jobs, clock, no faults), a fresh client, the first query. */
    reset() {
      stop();
      host.reset();
      query = INITIAL_QUERY;
      maxAttempts = INITIAL_MAX_ATTEMPTS;
      client = clientFor(maxAttempts);
      listing = undefined;
      recorder.clear();
    },
  };
}

/** The controller {@link createPlayground} returns. */
export type Playground = ReturnType<typeof createPlayground>;

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** Errors as the page shows them; anything that is not an Error (never expected) becomes one. */
function toError(error: unknown): Error & Partial<IotJobsException> {
  return error instanceof Error ? error : new Error(String(error));
}
