import type { RetryableTrait } from "./errors.js";

/**
 * Matches the error types the AWS SDKs treat as throttling (botocore `ThrottledRetryableChecker`, smithy
 * `THROTTLING_ERROR_CODES`): ThrottlingException, Throttling, ThrottledException, RequestThrottled(Exception),
 * EC2ThrottledException, TooManyRequestsException, (Request|Bandwidth)LimitExceeded, LimitExceededException, SlowDown,
 * PriorRequestNotComplete, TransactionInProgressException, ProvisionedThroughputExceededException. Kept short
 * (unanchored) for the bundle budget.
 */
const THROTTLING = /Throttl|TooManyRequests|LimitExceeded|SlowDown|PriorRequestNotComplete|TransactionInProgress/;

/**
 * Classifies an error response as the SDKs' standard mode does: throttling (429 or a throttling type, whatever the
 * status: IoT throttles with a 400), transient (500, 502, 503, 504, RequestTimeout), or not retryable.
 */
export const classify = (status: number, code = ""): RetryableTrait | undefined =>
  status === 429 || THROTTLING.test(code)
    ? { throttling: true }
    : [500, 502, 503, 504].includes(status) || /^RequestTimeout(Exception)?$/.test(code)
      ? { throttling: false }
      : undefined;

/**
 * Full-jitter exponential backoff: `random() * min(base * 2^retry, 20 s)` with base 100 ms, or 500 ms after
 * throttling (aws-sdk-js-v3 `DEFAULT_RETRY_DELAY_BASE`, `THROTTLING_RETRY_DELAY_BASE`, `MAXIMUM_RETRY_DELAY`).
 * `retry` counts from 0 for the first retry.
 */
export const backoff = (retry: number, throttling: boolean, random: () => number = Math.random) =>
  Math.floor(random() * Math.min((throttling ? 500 : 100) * 2 ** retry, 20_000));

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    signal?.throwIfAborted();
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });

/**
 * The retry token bucket of a client (SDK standard mode): 500 tokens; a retry costs 5 (10 after a timeout or a
 * network error), a paginator's page retry 5; a success refunds its call's last retry cost, or adds 1. When it
 * runs dry, failures are returned at once instead of retried: the bucket keeps a struggling service from a storm.
 */
export interface RetryQuota {
  tokens: number;
}

/** The bucket's size. */
export const CAPACITY = 500;

/** Takes `cost` tokens and says `true`, or says `false` (and takes none) when the bucket holds fewer. */
export const take = (quota: RetryQuota, cost: number): boolean => {
  if (quota.tokens < cost) return false;
  quota.tokens -= cost;
  return true;
};
