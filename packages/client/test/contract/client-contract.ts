import { fleet, job } from "@iot-jobs/mocks/node";
import { afterEach, expect, test, vi } from "vitest";
import {
  AccessDeniedException,
  InvalidRequestException,
  InvalidSignatureException,
  IotJobsException,
  NetworkError,
  ParamValidationError,
  ResourceNotFoundException,
  ServiceUnavailableException,
  ThrottlingException,
  TimeoutError,
  UnrecognizedClientException,
} from "../../src/index.js";
import { asStored, clientFor, credentials, drive, fakeTimers, scan, stored, type Transport, until } from "./harness.js";

// Each attempt of a page is throttled independently with p = 0.3, so a page fails only when all n attempts are:
// p^n. Over the 40 pages of a 10,000-execution scan (250 per page), the default n = 3 fails the scan with
// probability 1 − (1 − 0.3³)⁴⁰ ≈ 67 %; n = 10 brings that to 1 − (1 − 0.3¹⁰)⁴⁰ ≈ 2.4·10⁻⁴. The retry token bucket
// (500 tokens, 5 per retry, refunded on success) stays far from empty at ~17 retries per scan. The mock's fault
// is seeded, so one seed always throttles the same requests; the bound is what makes any seed pass.
const MAX_ATTEMPTS_UNDER_30_PERCENT = 10;
const FLEET = 10_000;
const PAGE = 250;

/**
 * The client's behaviour against the mocks through one transport: paging under throttling, giving up, aborting,
 * every modeled error as its typed error, retries of transient failures, strict SigV4, filters and dates.
 */
export function clientContract(transport: Transport): void {
  afterEach(() => {
    vi.useRealTimers();
  });

  test(`${transport.name}: a 10,000-execution job under 30 % throttling is paged with every execution once`, async () => {
    const { mock, config } = await transport.open({ clock: { now: "2026-11-29T08:00:00Z" } });
    const stored10k = mock.store.createJob(
      job("fleet-10k", { fleet: fleet(FLEET, { statuses: { SUCCEEDED: 6, FAILED: 1, IN_PROGRESS: 2, QUEUED: 1 } }) }),
    );
    const rule = mock.faults.inject({ type: "throttling" }, { rate: 0.3, seed: 2026 });
    fakeTimers();
    const client = clientFor(config, { maxAttempts: MAX_ATTEMPTS_UNDER_30_PERCENT });
    const { pages, executions } = await drive(
      scan(client.paginateListJobExecutionsForJob({ jobId: "fleet-10k" }, { pageSize: PAGE })),
    );
    expect(pages).toHaveLength(FLEET / PAGE);
    const arns = executions.map((e) => e.thingArn);
    expect(new Set(arns).size).toBe(FLEET);
    expect(executions.map(asStored)).toEqual(stored10k.list().map(stored));
    // Every throttled request was retried: requests = pages + throttles, and each page says how many it took.
    const throttled = mock.history.filter((r) => r.fault === "throttling").length;
    expect(throttled).toBe(rule.fired);
    expect(throttled).toBeGreaterThan(0);
    expect(mock.history).toHaveLength(pages.length + throttled);
    expect(pages.reduce((n, p) => n + p.$metadata.attempts, 0)).toBe(mock.history.length);
    expect(Math.max(...pages.map((p) => p.$metadata.attempts))).toBeGreaterThan(1);
  });

  for (const [fault, ErrorClass, name, fault$] of [
    ["throttling", ThrottlingException, "ThrottlingException", "client"],
    ["unavailable", ServiceUnavailableException, "ServiceUnavailableException", "server"],
  ] as const) {
    test(`${transport.name}: 100 % ${fault} gives up after maxAttempts and the page retries with a typed ${name}`, async () => {
      const { mock, config } = await transport.open();
      mock.store.createJob(job("fw-1", { fleet: fleet(20) }));
      mock.faults.inject({ type: fault });
      fakeTimers();
      const client = clientFor(config, { maxAttempts: 5 });
      const error = await drive(
        scan(client.paginateListJobExecutionsForJob({ jobId: "fw-1" }, { pageSize: 5 })).then(
          () => undefined,
          (e: unknown) => e,
        ),
      );
      expect(error).toBeInstanceOf(ErrorClass);
      expect(ErrorClass.isInstance(error)).toBe(true);
      const e = error as InstanceType<typeof ErrorClass>;
      expect([e.name, e.$fault]).toEqual([name, fault$]);
      expect(e.$metadata).toMatchObject({ attempts: 5, httpStatusCode: fault === "throttling" ? 400 : 503 });
      expect(e.$metadata.totalRetryDelay).toBeGreaterThanOrEqual(0);
      expect(e.$metadata.requestId).toBe(mock.history.at(-1)?.requestId);
      expect(e.resumeToken).toBeUndefined();
      // The first page: 1 call and 5 page retries (the default), 5 attempts each.
      expect(mock.history).toHaveLength(6 * 5);
      // A single call, by default: 3 attempts, as the SDKs' standard mode.
      const { error: again } = await drive(clientFor(config).listJobExecutionsForJob({ jobId: "fw-1" }));
      expect(again).toBeInstanceOf(ErrorClass);
      expect(again?.$metadata.attempts).toBe(3);
      expect(mock.history).toHaveLength(6 * 5 + 3);
    });
  }

  test(`${transport.name}: aborting after N pages stops the scan at once with the reason; no request follows`, async () => {
    const { mock, config } = await transport.open();
    mock.store.createJob(job("fw-1", { fleet: fleet(1_000) }));
    const controller = new AbortController();
    const reason = new Error("operator stopped the scan");
    const seen: number[] = [];
    const scanned = (async () => {
      for await (const page of clientFor(config).paginateListJobExecutionsForJob(
        { jobId: "fw-1" },
        { pageSize: 100, signal: controller.signal },
      )) {
        seen.push(page.executionSummaries?.length ?? 0);
        if (seen.length === 3) controller.abort(reason);
      }
    })();
    await expect(scanned).rejects.toBe(reason);
    expect(seen).toEqual([100, 100, 100]);
    // No fourth page was asked for: a marker request sent after the abort is the next one the mock records.
    await clientFor(config).listJobExecutionsForJob({ jobId: "fw-1", maxResults: 1 });
    expect(mock.history.map((r) => new URL(r.url).searchParams.get("maxResults"))).toEqual(["100", "100", "100", "1"]);
  });

  test(`${transport.name}: aborting while the client waits to retry rejects at once; no retry is sent`, async () => {
    const { mock, config } = await transport.open();
    mock.store.createJob(job("fw-1", { fleet: fleet(10) }));
    mock.faults.inject({ type: "throttling" });
    fakeTimers();
    const controller = new AbortController();
    const call = clientFor(config, { maxAttempts: 5 }).listJobExecutionsForJob(
      { jobId: "fw-1" },
      { signal: controller.signal },
    );
    const outcome = call.then(
      () => "resolved",
      (e: unknown) => e,
    );
    await until(() => mock.history.length === 1);
    await until(() => vi.getTimerCount() > 0); // the backoff timer: the client is waiting to retry
    controller.abort("stop");
    expect(await outcome).toBe("stop"); // without moving the clock
    await vi.advanceTimersByTimeAsync(60_000);
    expect(mock.history).toHaveLength(1);
  });

  test(`${transport.name}: aborting a request in flight rejects at once with the reason`, async () => {
    const { mock, config } = await transport.open();
    mock.store.createJob(job("fw-1", { fleet: fleet(10) }));
    const slow = mock.faults.inject({ type: "latency", ms: 600_000 }, { times: 1 });
    fakeTimers();
    const controller = new AbortController();
    const reason = new DOMException("user navigated away", "AbortError");
    const outcome = clientFor(config)
      .listJobExecutionsForJob({ jobId: "fw-1" }, { signal: controller.signal })
      .then(
        () => "resolved",
        (e: unknown) => e,
      );
    await until(() => slow.fired === 1); // the request reached the mock, which holds it for 10 minutes
    controller.abort(reason);
    expect(await outcome).toBe(reason);
    expect(mock.history).toHaveLength(0);
  });

  test(`${transport.name}: each modeled error arrives as its typed error, retried or not as the SDKs do`, async () => {
    const { mock, config } = await transport.open();
    mock.store.createJob(job("fw-1", { fleet: fleet(30) }));
    fakeTimers();
    const client = clientFor(config);
    const call = (input: Parameters<typeof client.listJobExecutionsForJob>[0]) =>
      drive(client.listJobExecutionsForJob(input));

    const badToken = await call({ jobId: "fw-1", nextToken: "not-a-token-the-service-sent" });
    expect(badToken.error).toBeInstanceOf(InvalidRequestException);
    expect(badToken.error).toMatchObject({
      message: "The nextToken is not valid for this request.",
      $fault: "client",
      code: "InvalidRequestException",
      $metadata: { httpStatusCode: 400, attempts: 1, requestId: mock.history.at(-1)?.requestId },
    });
    const missing = await call({ jobId: "no-such-job" });
    expect(missing.error).toBeInstanceOf(ResourceNotFoundException);
    expect(missing.error).toMatchObject({ message: "Job no-such-job does not exist.", $metadata: { attempts: 1 } });

    mock.faults.inject({ type: "throttling" }, { times: 2 });
    const throttledThenOk = await call({ jobId: "fw-1", maxResults: 5 });
    expect(throttledThenOk.data?.executionSummaries).toHaveLength(5);
    expect(throttledThenOk.$metadata.attempts).toBe(3);
    mock.faults.inject({ type: "unavailable" }, { times: 1 });
    expect((await call({ jobId: "fw-1" })).$metadata.attempts).toBe(2);
    mock.faults.inject({ type: "drop" }, { times: 1 });
    const dropped = await call({ jobId: "fw-1" });
    expect([dropped.error, dropped.$metadata.attempts]).toEqual([undefined, 2]);
    expect(mock.history.map((r) => r.status)).toEqual([400, 404, 400, 400, 200, 503, 200, 0, 200]);

    mock.faults.inject({ type: "drop" });
    const down = await call({ jobId: "fw-1" });
    expect(down.error).toBeInstanceOf(NetworkError);
    expect(down.$metadata.attempts).toBe(3);
    mock.faults.clear();

    const before = mock.history.length;
    const invalid = await call({ jobId: "fw-1", maxResults: 251 });
    expect(invalid.error).toBeInstanceOf(ParamValidationError);
    expect(invalid.error).toMatchObject({ field: "maxResults", value: 251, $metadata: { attempts: 0 } });
    expect(mock.history).toHaveLength(before); // nothing was sent
  });

  test(`${transport.name}: a request slower than requestTimeout is a TimeoutError, retried`, async () => {
    const { mock, config } = await transport.open();
    mock.store.createJob(job("fw-1", { fleet: fleet(3) }));
    // drive() runs the clock 50× real time: a 10 s timeout leaves a request 200 real ms, even on a loaded machine.
    mock.faults.inject({ type: "latency", ms: 600_000 }, { times: 1 });
    fakeTimers();
    const client = clientFor(config, { requestTimeout: 10_000, maxAttempts: 1 });
    const { error } = await drive(client.listJobExecutionsForJob({ jobId: "fw-1" }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error?.$retryable).toEqual({ throttling: false });
    mock.faults.inject({ type: "latency", ms: 600_000 }, { times: 1 });
    // The retry must beat its 10 s timeout with a real request: at 5× real time it has 2 real seconds, room enough
    // on a machine whose every core is busy.
    const retried = await drive(
      clientFor(config, { requestTimeout: 10_000 }).listJobExecutionsForJob({ jobId: "fw-1" }),
      5,
    );
    expect(retried.error, String(retried.error)).toBeUndefined();
    expect(retried.data?.executionSummaries).toHaveLength(3);
    expect(retried.$metadata.attempts).toBe(2);
  });

  test(`${transport.name}: strict SigV4: the client's signatures verify; bad keys get their 403 types`, async () => {
    const session = {
      accessKeyId: "ASIACONTRACTCLIENT",
      secretAccessKey: "s3cret",
      sessionToken: "IQoJb3JpZ2luX2Vj+/=",
    };
    const denied = { accessKeyId: "AKIDDENIEDCLIENT", secretAccessKey: "denied" };
    const { mock, config } = await transport.open({
      strictAuth: true,
      credentials: [credentials, { ...session, accountId: credentials.accountId }, { ...denied, accessDenied: true }],
    });
    mock.store.createJob(job("fw-1", { fleet: fleet(260) }));
    const all = await scan(
      clientFor(config, { credentials }).paginateListJobExecutionsForJob({ jobId: "fw-1" }, { pageSize: 100 }),
    );
    expect(all.executions).toHaveLength(260);
    const viaSession = await clientFor(config, { credentials: session, throwOnError: true }).listJobExecutionsForJob({
      jobId: "fw-1",
      status: "QUEUED",
      maxResults: 1,
    });
    expect(viaSession.executionSummaries).toHaveLength(1);
    const refused = async (keys: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }) =>
      (await clientFor(config, { credentials: keys }).listJobExecutionsForJob({ jobId: "fw-1" })).error;
    expect(await refused({ ...credentials, secretAccessKey: "wrong" })).toBeInstanceOf(InvalidSignatureException);
    expect(await refused({ accessKeyId: "AKIDNOBODY", secretAccessKey: "x" })).toBeInstanceOf(
      UnrecognizedClientException,
    );
    expect(await refused({ ...session, sessionToken: "expired-token" })).toBeInstanceOf(UnrecognizedClientException);
    const deniedError = await refused(denied);
    expect(deniedError).toBeInstanceOf(AccessDeniedException);
    expect(deniedError?.message).toMatch(/is not authorized to perform: iot:ListJobExecutionsForJob on resource: /);
    expect(deniedError?.$metadata).toMatchObject({ httpStatusCode: 403, attempts: 1 });
    expect(mock.history.filter((r) => r.status === 403)).toHaveLength(4);
  });

  test(`${transport.name}: a status filter returns exactly the store's executions in that status, dates as Dates`, async () => {
    const { mock, config } = await transport.open({ clock: { now: "2026-11-29T08:00:00Z" } });
    const fw = mock.store.createJob(
      job("fw-1", { fleet: fleet(500, { statuses: { SUCCEEDED: 5, FAILED: 2, QUEUED: 1 }, retryAttempts: 2 }) }),
    );
    for (const status of ["FAILED", "QUEUED", "REJECTED"] as const) {
      const { executions } = await scan(
        clientFor(config).paginateListJobExecutionsForJob({ jobId: "fw-1", status }, { pageSize: 7 }),
      );
      expect(executions.map(asStored)).toEqual(
        fw
          .list()
          .filter((e) => e.status === status)
          .map(stored),
      );
      for (const e of executions) {
        expect(e.jobExecutionSummary?.queuedAt).toBeInstanceOf(Date);
        expect(IotJobsException.isInstance(e)).toBe(false);
      }
    }
    const all: string[] = [];
    for await (const e of clientFor(config).listAllJobExecutionsForJob({ jobId: "fw-1", status: "SUCCEEDED" })) {
      all.push(e.thingArn!);
    }
    expect(all).toHaveLength(fw.counts().SUCCEEDED);
  });

  test(`${transport.name}: a default scan of 10,000 executions completes exactly once under 30 % throttling + 10 % 503s`, async () => {
    const { mock, config } = await transport.open({ clock: { now: "2026-11-29T08:00:00Z" } });
    const fleet10k = mock.store.createJob(job("fleet-10k", { fleet: fleet(FLEET) }));
    // Rules are drawn in order and the first that fires decides: 503s at 1/7 of the 70 % left make 10 % of requests.
    const throttling = mock.faults.inject({ type: "throttling" }, { rate: 0.3, seed: 15 });
    const unavailable = mock.faults.inject({ type: "unavailable" }, { rate: 0.1 / 0.7, seed: 16 });
    fakeTimers();
    // The defaults: 3 attempts per call, 5 page retries, the mock's default page size (100).
    const { pages, executions } = await drive(
      scan(clientFor(config).paginateListJobExecutionsForJob({ jobId: "fleet-10k" })),
      1_000,
    );
    expect(executions.map(asStored)).toEqual(fleet10k.list().map(stored));
    expect(new Set(executions.map((e) => e.thingArn)).size).toBe(FLEET);
    const requests = mock.history.length;
    expect(throttling.fired + unavailable.fired).toBe(requests - pages.length);
    // The faults were as bad as promised (a seeded draw: 30 % and 10 % give or take the sample's spread) ...
    expect(Math.abs(throttling.fired / requests - 0.3)).toBeLessThan(0.06);
    expect(Math.abs(unavailable.fired / requests - 0.1)).toBeLessThan(0.04);
    // ... and some page failed all 3 attempts of a call: without page retries (the SDKs' behaviour) the scan ends.
    const perPage = new Map<string | null, number>();
    for (const r of mock.history) {
      const token = new URL(r.url).searchParams.get("nextToken");
      perPage.set(token, (perPage.get(token) ?? 0) + 1);
    }
    expect(Math.max(...perPage.values())).toBeGreaterThan(3);
  });

  test(`${transport.name}: the same faults without page retries fail the scan, and its resumeToken finishes it exactly once`, async () => {
    const { mock, config } = await transport.open({ clock: { now: "2026-11-29T08:00:00Z" } });
    const fleet10k = mock.store.createJob(job("fleet-10k", { fleet: fleet(FLEET) }));
    mock.faults.inject({ type: "throttling" }, { rate: 0.3, seed: 15 });
    mock.faults.inject({ type: "unavailable" }, { rate: 0.1 / 0.7, seed: 16 });
    fakeTimers();
    const client = clientFor(config);
    const seen: string[] = [];
    let startingToken: string | undefined;
    let failures = 0;
    for (;;) {
      const error = await drive(
        (async () => {
          for await (const e of client.listAllJobExecutionsForJob(
            { jobId: "fleet-10k" },
            { pageRetries: 0, startingToken },
          )) {
            seen.push(e.thingArn!);
          }
        })().then(
          () => undefined,
          (e: unknown) => e as IotJobsException,
        ),
        1_000,
      );
      if (!error) break;
      expect(error.$retryable).toBeDefined();
      expect(error).toHaveProperty("resumeToken");
      startingToken = error.resumeToken;
      failures++;
    }
    expect(failures).toBeGreaterThan(0);
    expect(seen).toEqual(fleet10k.list().map((e) => e.thingArn));
  });

  for (const [skew, words] of [
    [-20 * 60_000, "Signature expired"],
    [20 * 60_000, "Signature not yet current"],
  ] as const) {
    test(`${transport.name}: a client clock ${skew / 60_000} min off is corrected after "${words}" against strict auth`, async () => {
      const { mock, config } = await transport.open({ strictAuth: true });
      mock.store.createJob(job("fw-1", { fleet: fleet(3) }));
      const client = clientFor(config, { systemClockOffset: skew });
      const first = await client.listJobExecutionsForJob({ jobId: "fw-1" });
      expect(first.error).toBeUndefined();
      expect(first.data?.executionSummaries).toHaveLength(3);
      expect(first.$metadata).toMatchObject({ attempts: 2, httpStatusCode: 200, totalRetryDelay: 0 });
      expect(mock.history.map((r) => [r.status, r.errorType])).toEqual([
        [403, "InvalidSignatureException"],
        [200, undefined],
      ]);
      // Later calls sign with the corrected clock at once.
      expect((await client.listJobExecutionsForJob({ jobId: "fw-1" })).$metadata.attempts).toBe(1);
      expect(mock.history).toHaveLength(3);
    });
  }

  test(`${transport.name}: with one attempt the skew error is returned, marked corrected; the next call succeeds`, async () => {
    const { mock, config } = await transport.open({ strictAuth: true });
    mock.store.createJob(job("fw-1", { fleet: fleet(1) }));
    const client = clientFor(config, { systemClockOffset: -20 * 60_000, maxAttempts: 1 });
    const { error } = await client.listJobExecutionsForJob({ jobId: "fw-1" });
    expect(error).toBeInstanceOf(InvalidSignatureException);
    expect(error?.message).toMatch(/^Signature expired: /);
    expect(error?.$metadata).toMatchObject({ attempts: 1, clockSkewCorrected: true, httpStatusCode: 403 });
    expect((await client.listJobExecutionsForJob({ jobId: "fw-1" })).error).toBeUndefined();
  });

  test(`${transport.name}: without a readable Date header (a browser under CORS), the skew message's time is used`, async () => {
    const { mock, config } = await transport.open({ strictAuth: true });
    mock.store.createJob(job("fw-1", { fleet: fleet(1) }));
    const withoutDate = async (url: URL, init: RequestInit) => {
      const response = await fetch(url, init);
      const headers = new Headers(response.headers);
      headers.delete("date");
      return new Response(response.body, { status: response.status, headers });
    };
    const client = clientFor(config, { systemClockOffset: 20 * 60_000, fetch: withoutDate });
    const { data, $metadata } = await client.listJobExecutionsForJob({ jobId: "fw-1" });
    expect(data?.executionSummaries).toHaveLength(1);
    expect($metadata.attempts).toBe(2);
  });
}
