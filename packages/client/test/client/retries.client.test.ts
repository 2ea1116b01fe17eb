import { delay } from "msw";
import { afterEach, expect, test, vi } from "vitest";
import { NetworkError, ThrottlingException, TimeoutError, UnknownServiceException } from "../../src/index.js";
import { awsError, client, fakeTimers, HttpResponse, listHandler, page, settle, until, useServer } from "../helpers.js";

const server = useServer();

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const noJitter = () => vi.spyOn(Math, "random").mockReturnValue(0);

test("a throttled call is retried and succeeds: attempts and delays in $metadata", async () => {
  fakeTimers();
  vi.spyOn(Math, "random").mockReturnValue(0.5);
  const { handler, requests } = listHandler((_, n) =>
    n < 3 ? awsError(400, "ThrottlingException") : HttpResponse.json(page(0, 1)),
  );
  server.use(handler);
  const { data, $metadata } = await settle(client().listJobExecutionsForJob({ jobId: "j" }));
  expect(data?.executionSummaries).toHaveLength(1);
  // Throttling base 500 ms: 0.5 × 500 × 2^0 + 0.5 × 500 × 2^1.
  expect($metadata).toEqual({ httpStatusCode: 200, requestId: undefined, attempts: 3, totalRetryDelay: 250 + 500 });
  expect(requests).toHaveLength(3);
});

test("the backoff waits random × base × 2^retry before each retry (100 ms base for server errors)", async () => {
  fakeTimers();
  vi.spyOn(Math, "random").mockReturnValue(0.999);
  const { handler, requests } = listHandler(() => awsError(503, "ServiceUnavailableException"));
  server.use(handler);
  const call = client().listJobExecutionsForJob({ jobId: "j" });
  await until(() => requests.length === 1);
  await vi.advanceTimersByTimeAsync(98);
  expect(requests).toHaveLength(1);
  await vi.advanceTimersByTimeAsync(1); // floor(0.999 × 100) = 99 ms
  await until(() => requests.length === 2);
  await vi.advanceTimersByTimeAsync(198);
  expect(requests).toHaveLength(2);
  await vi.advanceTimersByTimeAsync(1); // floor(0.999 × 200) = 199 ms
  await until(() => requests.length === 3);
  const { $metadata } = await call;
  expect($metadata).toMatchObject({ attempts: 3, totalRetryDelay: 99 + 199 });
});

test.each([500, 502, 503, 504])("HTTP %i without an error type is retried", async (status) => {
  noJitter();
  const { handler, requests } = listHandler(() => new HttpResponse(null, { status }));
  server.use(handler);
  const { error } = await client().listJobExecutionsForJob({ jobId: "j" });
  expect(error).toBeInstanceOf(UnknownServiceException);
  expect(requests).toHaveLength(3);
});

test.each([
  [501, undefined],
  [400, "InvalidRequestException"],
  [404, "ResourceNotFoundException"],
  [403, "AccessDeniedException"],
  [403, "InvalidSignatureException"],
  [403, "UnrecognizedClientException"],
])("HTTP %i %s is not retried", async (status, type) => {
  const { handler, requests } = listHandler(() => (type ? awsError(status, type) : new HttpResponse(null, { status })));
  server.use(handler);
  await client().listJobExecutionsForJob({ jobId: "j" });
  expect(requests).toHaveLength(1);
});

test("maxAttempts sets the number of tries; 1 turns retries off", async () => {
  noJitter();
  const { handler, requests } = listHandler(() => awsError(400, "ThrottlingException"));
  server.use(handler);
  expect((await client({ maxAttempts: 1 }).listJobExecutionsForJob({ jobId: "j" })).$metadata.attempts).toBe(1);
  expect((await client({ maxAttempts: 5 }).listJobExecutionsForJob({ jobId: "j" })).$metadata.attempts).toBe(5);
  expect(requests).toHaveLength(6);
});

test("the retry token bucket: 500 tokens, 5 per throttling retry, +1 per success, refund after a retried success", async () => {
  noJitter();
  let mode: "throttle" | "ok" | "throttle-once" = "throttle";
  let throttledOnce = false;
  const { handler, requests } = listHandler(() => {
    if (mode === "ok" || (mode === "throttle-once" && throttledOnce)) return HttpResponse.json(page(0, 1));
    throttledOnce = true;
    return awsError(400, "ThrottlingException");
  });
  server.use(handler);
  const c = client();
  const attempts = async () => (await c.listJobExecutionsForJob({ jobId: "j" })).$metadata.attempts;
  // 50 calls × 2 retries × 5 tokens drain the bucket exactly.
  for (let i = 0; i < 50; i++) expect(await attempts()).toBe(3);
  expect(await attempts()).toBe(1);
  // Each success without a retry puts one token back: after 4, still not enough for a retry; after 5, one retry.
  mode = "ok";
  for (let i = 0; i < 4; i++) await attempts();
  mode = "throttle";
  expect(await attempts()).toBe(1);
  mode = "ok";
  await attempts();
  // 5 tokens: this call retries once (0 left), succeeds, and gets its 5 tokens back.
  mode = "throttle-once";
  throttledOnce = false;
  expect(await attempts()).toBe(2);
  mode = "throttle";
  expect(await attempts()).toBe(2);
  expect(await attempts()).toBe(1);
  // Another client has its own bucket.
  expect((await client().listJobExecutionsForJob({ jobId: "j" })).$metadata.attempts).toBe(3);
  expect(requests.length).toBeGreaterThan(150);
});

test("a retry after a network error or a timeout costs 10 tokens", async () => {
  noJitter();
  server.use(listHandler(() => HttpResponse.error()).handler);
  const c = client();
  // 25 calls × 2 retries × 10 tokens drain the bucket.
  for (let i = 0; i < 25; i++) expect((await c.listJobExecutionsForJob({ jobId: "j" })).$metadata.attempts).toBe(3);
  const { error, $metadata } = await c.listJobExecutionsForJob({ jobId: "j" });
  expect(error).toBeInstanceOf(NetworkError);
  expect($metadata.attempts).toBe(1);
});

test("an abort during the backoff rejects at once with the signal's reason; no further request", async () => {
  fakeTimers();
  vi.spyOn(Math, "random").mockReturnValue(0.999);
  const { handler, requests } = listHandler(() => awsError(400, "ThrottlingException"));
  server.use(handler);
  const controller = new AbortController();
  const call = client().listJobExecutionsForJob({ jobId: "j" }, { signal: controller.signal });
  const outcome = call.catch((e: unknown) => e);
  await until(() => requests.length === 1);
  await vi.advanceTimersByTimeAsync(100); // 100 of the 499 ms backoff
  const reason = new Error("user navigated away");
  controller.abort(reason);
  expect(await outcome).toBe(reason);
  expect(vi.getTimerCount()).toBe(0);
  await vi.advanceTimersByTimeAsync(10_000);
  expect(requests).toHaveLength(1);
});

test("an abort during a request rejects like fetch, with an AbortError by default", async () => {
  const { handler, requests } = listHandler(async () => {
    await delay("infinite");
    return HttpResponse.json(page(0, 1));
  });
  server.use(handler);
  const controller = new AbortController();
  const call = client().listJobExecutionsForJob({ jobId: "j" }, { signal: controller.signal });
  await until(() => requests.length === 1);
  controller.abort();
  await expect(call).rejects.toMatchObject({ name: "AbortError" });
});

test("an already aborted signal rejects without sending anything", async () => {
  const { handler, requests } = listHandler(() => HttpResponse.json(page(0, 1)));
  server.use(handler);
  const reason = new Error("too late");
  await expect(client().listJobExecutionsForJob({ jobId: "j" }, { signal: AbortSignal.abort(reason) })).rejects.toBe(
    reason,
  );
  expect(requests).toHaveLength(0);
});

test("requestTimeout fails a slow attempt with a TimeoutError, which is retried", async () => {
  fakeTimers();
  noJitter();
  const { handler, requests } = listHandler(async (_, n) => {
    if (n < 3) await delay("infinite");
    return HttpResponse.json(page(0, 1));
  });
  server.use(handler);
  const call = client({ requestTimeout: 1_000 }).listJobExecutionsForJob({ jobId: "j" });
  // The clock moves only once the attempt is in the handler, so real I/O never races the fake timer.
  for (const n of [1, 2]) {
    await until(() => requests.length === n);
    await vi.advanceTimersByTimeAsync(1_000);
  }
  const { data, $metadata } = await call;
  expect(data?.executionSummaries).toHaveLength(1);
  expect($metadata.attempts).toBe(3);
  expect(requests).toHaveLength(3);
});

test("a TimeoutError comes exactly at requestTimeout and says how long it waited", async () => {
  fakeTimers();
  noJitter();
  const { handler, requests } = listHandler(async () => {
    await delay("infinite");
    return HttpResponse.json(page(0, 1));
  });
  server.use(handler);
  let settled = false;
  const call = client({ requestTimeout: 2_000, maxAttempts: 2 }).listJobExecutionsForJob({ jobId: "j" });
  call.then(() => {
    settled = true;
  });
  await until(() => requests.length === 1);
  await vi.advanceTimersByTimeAsync(1_999);
  expect(settled).toBe(false);
  await vi.advanceTimersByTimeAsync(1);
  await until(() => requests.length === 2);
  await vi.advanceTimersByTimeAsync(2_000);
  const { error, $metadata } = await call;
  expect(error).toBeInstanceOf(TimeoutError);
  expect(error?.message).toBe("[@iot-jobs/client] No response from https://iot.us-east-1.amazonaws.com within 2000 ms");
  expect(error).toMatchObject({ $retryable: { throttling: false } });
  expect($metadata).toMatchObject({ attempts: 2, httpStatusCode: undefined });
});

test("a retried call that finally fails reports the last error", async () => {
  noJitter();
  server.use(
    listHandler((_, n) =>
      n === 1 ? awsError(503, "ServiceUnavailableException") : awsError(400, "ThrottlingException"),
    ).handler,
  );
  const { error, $metadata } = await client().listJobExecutionsForJob({ jobId: "j" });
  expect(error).toBeInstanceOf(ThrottlingException);
  expect($metadata).toMatchObject({ attempts: 3, requestId: "req-ThrottlingException" });
});
