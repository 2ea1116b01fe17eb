import { operation, type paths } from "@iot-jobs/spec";
import { createFinalURL, createQuerySerializer, defaultPathSerializer } from "openapi-fetch";
import { metadata, toOutput, toServiceError } from "./deserialize.js";
import { DeserializationError, IotJobsException, NetworkError, P, TimeoutError } from "./errors.js";
import { backoff, sleep } from "./retry.js";
import type { SignedFetch } from "./sign.js";
import type { CallOptions, ListJobExecutionsForJobInput, ListJobExecutionsForJobResult } from "./types.js";
import { validate } from "./validate.js";

/** The retry token bucket holds 500 tokens (SDK standard mode). */
const CAPACITY = 500;

type Params = paths[typeof operation.path]["get"]["parameters"];

/** openapi-fetch's serializers: the path template and the query as the spec declares them (form, explode). */
const querySerializer = createQuerySerializer();

/** The request URL of a call, by openapi-fetch from the spec's path template, typed by the generated `paths`. */
const requestUrl = (baseUrl: string, { jobId, status, maxResults, nextToken }: ListJobExecutionsForJobInput) =>
  createFinalURL(operation.path, {
    baseUrl,
    params: { path: { jobId }, query: { status, maxResults, nextToken } } satisfies Params,
    querySerializer,
    pathSerializer: defaultPathSerializer,
  });

/** The body of an error response: its JSON, or its text when it is not JSON (an HTML page from a proxy, say). */
const errorBody = async (response: Response): Promise<unknown> => {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

/**
 * Makes a client's ListJobExecutionsForJob: validate, then send with retries in the SDKs' standard mode, sharing
 * one retry token bucket across the client's calls. A call resolves to `data` or `error`; it rejects only when its
 * signal aborts, with the signal's reason (also while waiting to retry).
 */
export function sender(baseUrl: string, signedFetch: SignedFetch, maxAttempts: number, requestTimeout?: number) {
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
        response = await signedFetch(requestUrl(baseUrl, input), controller?.signal);
        if (response.ok) {
          const data = toOutput(await response.json());
          // A success refunds the last retry's tokens, or adds one.
          tokens = Math.min(CAPACITY, tokens + (cost ?? 1));
          data.$metadata = metadata(response, counts);
          return { data, $metadata: data.$metadata, response };
        }
        error = toServiceError(response, await errorBody(response));
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
