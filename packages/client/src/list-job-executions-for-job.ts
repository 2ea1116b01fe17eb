import { operation, type paths } from "@iot-jobs/spec";
import { createFinalURL, serializePrimitiveParam } from "openapi-fetch";
import { rootCause } from "./cause.js";
import { type Clock, correctClock } from "./clock.js";
import { metadata, toOutput, toServiceError } from "./deserialize.js";
import {
  CredentialsProviderError,
  DeserializationError,
  IotJobsException,
  NetworkError,
  P,
  TimeoutError,
} from "./errors.js";
import { backoff, CAPACITY, type RetryQuota, sleep, take } from "./retry.js";
import type { SignedFetch } from "./sign.js";
import type { CallOptions, ListJobExecutionsForJobInput, ListJobExecutionsForJobResult } from "./types.js";
import { validate } from "./validate.js";

type Params = paths[typeof operation.path]["get"]["parameters"];

/**
 * The serializers of the spec's parameters, which are all primitives (strings, integers): openapi-fetch's
 * `serializePrimitiveParam` for the query (form, explode), the simple style's `encodeURIComponent` for the path.
 * openapi-fetch's full `createQuerySerializer` and `defaultPathSerializer` (about 600 bytes gzip more in a browser
 * bundle, for arrays, objects and the other styles, none of which the spec uses) build the same URLs:
 * src/request-url.test.ts checks both on random input.
 */
export const querySerializer = (query: Record<string, unknown>) =>
  Object.entries(query)
    .filter(([, value]) => value != null)
    .map(([name, value]) => serializePrimitiveParam(name, value as string))
    .join("&");
export const pathSerializer = (path: string, params: Record<string, unknown>) =>
  path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] as string));

/** The request URL of a call, by openapi-fetch from the spec's path template, typed by the generated `paths`. */
export const requestUrl = (baseUrl: string, { jobId, status, maxResults, nextToken }: ListJobExecutionsForJobInput) =>
  createFinalURL(operation.path, {
    baseUrl,
    params: { path: { jobId }, query: { status, maxResults, nextToken } } satisfies Params,
    querySerializer,
    pathSerializer,
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

/** What a client's sender needs: where, how to send, retry settings and the state its calls share. */
export interface SenderConfig {
  baseUrl: string;
  send: SignedFetch;
  maxAttempts: number;
  requestTimeout?: number | undefined;
  quota: RetryQuota;
  clock: Clock;
}

/**
 * Makes a client's ListJobExecutionsForJob: validate, then send with retries in the SDKs' standard mode, sharing
 * one retry token bucket and one clock correction across the client's calls. A call resolves to `data` or `error`;
 * it rejects only when its signal aborts, with the signal's reason (also while waiting to retry).
 */
export function sender({ baseUrl, send, maxAttempts, requestTimeout, quota, clock }: SenderConfig) {
  // Errors name the origin only: never a path prefix (which may hold a secret) nor the query.
  const origin = new URL(baseUrl).origin;
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
        response = await send(requestUrl(baseUrl, input), controller?.signal, new Date(Date.now() + clock.offset));
        if (response.ok) {
          correctClock(clock, response);
          const data = toOutput(await response.json());
          // A success refunds the last retry's tokens, or adds one.
          quota.tokens = Math.min(CAPACITY, quota.tokens + (cost ?? 1));
          data.$metadata = metadata(response, counts);
          return { data, $metadata: data.$metadata, response };
        }
        error = toServiceError(response, await errorBody(response));
      } catch (cause) {
        if (signal?.aborted) throw signal.reason;
        // Credentials come before sending: nothing went out.
        if (CredentialsProviderError.isInstance(cause)) counts.attempts--;
        const { reason, code } = rootCause(cause);
        // Our own errors pass; a body that is not JSON is a DeserializationError (not retried); no response at all
        // is a NetworkError, or a TimeoutError when our timer fired (both retried).
        error = IotJobsException.isInstance(cause)
          ? cause
          : response && cause instanceof SyntaxError
            ? new DeserializationError({ message: P + cause, cause })
            : timedOut
              ? new TimeoutError({
                  message: `${P}No response from ${origin} within ${requestTimeout} ms`,
                  cause,
                  $retryable: { throttling: false },
                })
              : new NetworkError({
                  message: `${P}No response from ${origin}: ${reason}`,
                  code,
                  cause,
                  $retryable: { throttling: false },
                });
      } finally {
        clearTimeout(timer);
        signal?.removeEventListener("abort", abort);
      }
      if (response && correctClock(clock, response, error)) {
        // Signed with a skewed clock: the offset is now the server's, so a fresh signature will do; no backoff.
        error.$metadata.clockSkewCorrected = true;
        if (counts.attempts < maxAttempts) error = undefined;
        continue;
      }
      // A retry costs 5 tokens, 10 after a timeout or a network error (no response).
      cost = response ? 5 : 10;
      const retryable = error.$retryable;
      if (retryable && counts.attempts < maxAttempts && take(quota, cost)) {
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
