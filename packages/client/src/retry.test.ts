import { afterEach, expect, test, vi } from "vitest";
import { backoff, classify, sleep } from "./retry.js";

afterEach(() => {
  vi.useRealTimers();
});

test.each([
  // [status, error type, want]: the SDKs' standard-mode classification.
  [400, "ThrottlingException", { throttling: true }],
  [400, "Throttling", { throttling: true }],
  [400, "RequestLimitExceeded", { throttling: true }],
  [400, "TooManyRequestsException", { throttling: true }],
  [429, undefined, { throttling: true }],
  [500, undefined, { throttling: false }],
  [502, undefined, { throttling: false }],
  [503, "ServiceUnavailableException", { throttling: false }],
  [504, undefined, { throttling: false }],
  [400, "RequestTimeoutException", { throttling: false }],
  [400, "InvalidRequestException", undefined],
  [404, "ResourceNotFoundException", undefined],
  [403, "AccessDeniedException", undefined],
  [403, "InvalidSignatureException", undefined],
  [403, "UnrecognizedClientException", undefined],
  [501, undefined, undefined],
  [505, undefined, undefined],
  [418, "Teapot", undefined],
] as const)("HTTP %i %s is %o", (status, code, want) => {
  expect(classify(status, code)).toEqual(want);
});

test("backoff is full jitter: random × min(base × 2^retry, 20 s), base 100 ms or 500 ms when throttled", () => {
  for (let retry = 0; retry < 12; retry++) {
    for (const throttling of [false, true]) {
      const cap = Math.min((throttling ? 500 : 100) * 2 ** retry, 20_000);
      expect(backoff(retry, throttling, () => 0)).toBe(0);
      expect(backoff(retry, throttling, () => 0.5)).toBe(Math.floor(cap / 2));
      expect(backoff(retry, throttling, () => 0.999999)).toBe(Math.floor(cap * 0.999999));
      expect(backoff(retry, throttling, () => 0.999999)).toBeLessThan(cap);
    }
  }
  expect(backoff(0, false, () => 0.999999)).toBe(99);
  expect(backoff(1, true, () => 0.999999)).toBe(999);
  expect(backoff(30, true, () => 0.999999)).toBe(19_999);
});

test("backoff uses Math.random by default, within bounds", () => {
  for (let i = 0; i < 200; i++) {
    const delay = backoff(2, false);
    expect(delay).toBeGreaterThanOrEqual(0);
    expect(delay).toBeLessThan(400);
  }
});

test("sleep resolves after the delay", async () => {
  vi.useFakeTimers();
  let done = false;
  const slept = sleep(1_000).then(() => {
    done = true;
  });
  await vi.advanceTimersByTimeAsync(999);
  expect(done).toBe(false);
  await vi.advanceTimersByTimeAsync(1);
  await slept;
  expect(done).toBe(true);
});

test("sleep rejects with the signal's reason at once when aborted, and leaves no timer behind", async () => {
  vi.useFakeTimers();
  const controller = new AbortController();
  const slept = sleep(20_000, controller.signal);
  await vi.advanceTimersByTimeAsync(10);
  const reason = new Error("stop");
  controller.abort(reason);
  await expect(slept).rejects.toBe(reason);
  expect(vi.getTimerCount()).toBe(0);
});

test("sleep rejects at once when the signal is already aborted", async () => {
  await expect(sleep(20_000, AbortSignal.abort())).rejects.toMatchObject({ name: "AbortError" });
});
