// What the page shows of each call: every attempt the client sends (method, URL, the headers it signed, when it
// went and what came back). The recorder is the `fetch` the client is given, so it sees exactly what the client
// sends, retries included; it passes each request on to the real fetch (the one the service worker answers).

/** The fetch the client sends with (as in `createIotJobsClient({ fetch })`). */
export type Fetch = (input: URL | string, init: RequestInit) => Promise<Response>;

/** One request of a call: a first try or a retry. */
export interface Attempt {
  readonly method: string;
  readonly url: string;
  /** The headers as sent, names in lower case, sorted (`authorization`, `x-amz-date`, ...). */
  readonly headers: readonly (readonly [string, string])[];
  /** When it was sent, in ms since the call's first attempt. */
  readonly sentAtMs: number;
  /** When its answer (or failure) came, in ms since the call's first attempt. */
  endedAtMs?: number;
  /** The HTTP status, and the error type of an error response (`x-amzn-ErrorType`, cut at `:`). */
  response?: { readonly status: number; readonly errorType?: string };
  /** Why no response came (a dropped connection, an abort). */
  failure?: string;
}

/** The attempts of one client call, and how the call ended once the page knows. */
export interface CallLog<Outcome> {
  readonly attempts: Attempt[];
  outcome?: Outcome;
}

/**
 * Records calls. A call's log opens with its first request and is closed by {@link CallRecorder.close} when the
 * client returns; the next request after that opens a new log (the paginator's next page, say).
 *
 * @example
 * const recorder = new CallRecorder<string>(() => render());
 * const client = createIotJobsClient({ region: "us-east-1", fetch: recorder.fetch });
 * await client.listJobExecutionsForJob({ jobId: "fw-1" });
 * recorder.close("done");
 */
export class CallRecorder<Outcome> {
  /** The log being written, or the last closed one. */
  current: CallLog<Outcome> | undefined;
  private startedAt = 0;

  constructor(
    private readonly onChange: () => void,
    private readonly send: Fetch = (input, init) => fetch(input, init),
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** The fetch to give the client. */
  readonly fetch: Fetch = async (input, init) => {
    // A call stopped by the page may still try to send: it fails at once, and belongs to no log.
    if (init.signal?.aborted) return this.send(input, init);
    if (!this.open) this.start();
    const log = this.current as CallLog<Outcome>;
    const headers = [...new Headers(init.headers).entries()].sort(([a], [b]) => a.localeCompare(b));
    const attempt: Attempt = {
      method: init.method ?? "GET",
      url: String(input),
      headers,
      sentAtMs: this.now() - this.startedAt,
    };
    log.attempts.push(attempt);
    this.onChange();
    try {
      const response = await this.send(input, init);
      const errorType = response.headers.get("x-amzn-ErrorType")?.split(":")[0];
      attempt.response = errorType ? { status: response.status, errorType } : { status: response.status };
      return response;
    } catch (error) {
      attempt.failure = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      throw error;
    } finally {
      attempt.endedAtMs = this.now() - this.startedAt;
      this.onChange();
    }
  };

  /** Ends the current call with its outcome (a call that sent nothing, say a bad parameter, gets an empty log). */
  close(outcome: Outcome): void {
    if (!this.open) this.start();
    (this.current as CallLog<Outcome>).outcome = outcome;
    this.onChange();
  }

  /** Forgets every call (the page's reset). */
  clear(): void {
    this.current = undefined;
    this.onChange();
  }

  /** Whether a call is under way (its log has no outcome yet). */
  get open(): boolean {
    return this.current !== undefined && this.current.outcome === undefined;
  }

  private start() {
    this.current = { attempts: [] };
    this.startedAt = this.now();
  }
}
