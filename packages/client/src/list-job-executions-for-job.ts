import type { paths } from "@iot-jobs/spec";
import type { Client } from "openapi-fetch";
import { metadata, toOutput, toServiceError } from "./deserialize.js";
import { DeserializationError, IotJobsException, NetworkError, P, TimeoutError } from "./errors.js";
import { backoff, sleep } from "./retry.js";
import type { SigningRequest } from "./sign.js";
import type { CallOptions, ListJobExecutionsForJobInput, ListJobExecutionsForJobResult } from "./types.js";
import { validate } from "./validate.js";

/** The retry token bucket holds 500 tokens (SDK standard mode). */
const CAPACITY = 500;

/**
 * Makes a client's ListJobExecutionsForJob: validate, then send with retries in the SDKs' standard mode, sharing
 * one retry token bucket across the client's calls. A call resolves to `data` or `error`; it rejects only when its
 * signal aborts, with the signal's reason (also while waiting to retry).
 */
export function sender(
  api: Client<paths>,
  signedFetch: (request: SigningRequest) => Promise<Response>,
  maxAttempts: number,
  requestTimeout?: number,
) {
  let tokens = CAPACITY;
  return async (
    input: ListJobExecutionsForJobInput,
    { signal }: CallOptions = {},
  ): Promise<ListJobExecutionsForJobResult> => {
    const counts = { attempts: 0, totalRetryDelay: 0 };
    let error: IotJobsException | undefined = validate(input);
    let response: Response | undefined;
    let cost: number | undefined;
    while (!error) {
      signal?.throwIfAborted();
      counts.attempts++;
      response = undefined;
      let timedOut = false;
      // A signal only when there is something to abort: undici's fetch is measurably slower with one.
      const controller = signal || requestTimeout ? new AbortController() : undefined;
      const abort = () => controller?.abort(signal?.reason);
      signal?.addEventListener("abort", abort);
      const timer =
        requestTimeout &&
        setTimeout(() => {
          timedOut = true;
          controller?.abort();
        }, requestTimeout);
      try {
        const { jobId, status, maxResults, nextToken } = input;
        const result = await api.GET("/jobs/{jobId}/things", {
          params: { path: { jobId }, query: { status, maxResults, nextToken } },
          signal: controller?.signal,
          fetch: async (request) => (response = await signedFetch(request as unknown as SigningRequest)),
        });
        if (result.response.ok) {
          const data = toOutput(result.data);
          // A success refunds the last retry's tokens, or adds one.
          tokens = Math.min(CAPACITY, tokens + (cost ?? 1));
          data.$metadata = metadata(response, counts);
          return { data, $metadata: data.$metadata, response: result.response };
        }
        error = toServiceError(result.response, result.error);
      } catch (cause) {
        if (signal?.aborted) throw signal.reason;
        // A body that is not the spec's JSON is a DeserializationError (not retried); no response at all is a
        // NetworkError, or a TimeoutError when our timer fired (both retried).
        const Err = timedOut
          ? TimeoutError
          : response && cause instanceof SyntaxError
            ? DeserializationError
            : NetworkError;
        error = IotJobsException.isInstance(cause)
          ? cause
          : new Err({
              message: P + (timedOut ? `No response within ${requestTimeout} ms` : cause),
              cause,
              $retryable: Err === DeserializationError ? undefined : { throttling: false },
            });
      } finally {
        clearTimeout(timer);
        signal?.removeEventListener("abort", abort);
      }
      // A retry costs 5 tokens, 10 after a timeout or a network error (no response).
      cost = response ? 5 : 10;
      const retryable = error.$retryable;
      if (retryable && counts.attempts < maxAttempts && tokens >= cost) {
        tokens -= cost;
        const delay = backoff(counts.attempts - 1, retryable.throttling);
        counts.totalRetryDelay += delay;
        if (delay > 0) await sleep(delay, signal);
        error = undefined;
      }
    }
    Object.assign(error.$metadata, metadata(response, counts));
    return { error: error as never, $metadata: error.$metadata, response };
  };
}
