import { P, PaginationError, ParamValidationError } from "./errors.js";
import { backoff, type RetryQuota, sleep, take } from "./retry.js";
import type {
  CallOptions,
  JobExecutionSummaryForJob,
  ListJobExecutionsForJobInput,
  ListJobExecutionsForJobOutput,
  ListJobExecutionsForJobResult,
  PaginationOptions,
} from "./types.js";

type Call = (input: ListJobExecutionsForJobInput, options: CallOptions) => Promise<ListJobExecutionsForJobResult>;

/** The data of a result, or its error thrown. */
export const unwrap = ({ data, error }: ListJobExecutionsForJobResult) => {
  if (error) throw error;
  return data;
};

/**
 * Yields page after page, following `nextToken` until the service sends none. Holds one page at a time.
 *
 * A page whose call failed with a retryable error (throttling, 5xx, network, timeout) after the call's own
 * attempts is asked for again, up to `pageRetries` times, after a backoff that continues the call's (full jitter,
 * up to 20 s) and only while the client's retry token bucket pays for it (5 tokens a time): a long scan survives a
 * bad minute without a retry storm. Any other error, or the last one, is thrown with `resumeToken`: the token of
 * the page that failed, to pass as `startingToken`.
 *
 * A token the service already sent would loop forever: the immediately repeated token is caught at once, any
 * longer cycle by Brent's algorithm (two tokens of state, at most ~2 cycle lengths late).
 */
export async function* paginateListJobExecutionsForJob(
  call: Call,
  quota: RetryQuota,
  input: ListJobExecutionsForJobInput,
  { pageSize, startingToken, signal, pageRetries = 5 }: PaginationOptions = {},
): AsyncGenerator<ListJobExecutionsForJobOutput, void, undefined> {
  if (!(pageRetries >= 0 && pageRetries % 1 === 0)) {
    throw new ParamValidationError({
      message: `${P}Invalid pageRetries ${pageRetries}: must be an integer ≥ 0`,
      field: "pageRetries",
      value: pageRetries,
      constraint: "minimum: 0",
    });
  }
  let token = startingToken ?? input.nextToken;
  let mark = token;
  let power = 1;
  let steps = 0;
  for (;;) {
    let result: ListJobExecutionsForJobResult;
    for (let retry = 0; ; retry++) {
      result = await call({ ...input, maxResults: pageSize ?? input.maxResults, nextToken: token }, { signal });
      const retryable = result.error?.$retryable;
      if (!retryable || retry >= pageRetries || !take(quota, 5)) break;
      // The call already backed off for retries 0, 1, ...: carry on from the third step.
      await sleep(backoff(retry + 2, retryable.throttling), signal);
    }
    const { data, error } = result;
    if (error) throw Object.assign(error, { resumeToken: token });
    const next = data.nextToken;
    if (next && (next === token || next === mark)) {
      throw new PaginationError({ message: `${P}nextToken repeated: ${next}`, token: next, resumeToken: token });
    }
    yield data;
    if (!next) return;
    // Brent: move the mark to the newest token after 1, 2, 4, 8, ... steps.
    if (++steps === power) {
      mark = next;
      power *= 2;
      steps = 0;
    }
    token = next;
  }
}

/**
 * Yields every execution of the job, page by page (see {@link paginateListJobExecutionsForJob}).
 */
export async function* listAllJobExecutionsForJob(
  call: Call,
  quota: RetryQuota,
  input: ListJobExecutionsForJobInput,
  options?: PaginationOptions,
): AsyncGenerator<JobExecutionSummaryForJob, void, undefined> {
  for await (const page of paginateListJobExecutionsForJob(call, quota, input, options)) {
    yield* page.executionSummaries ?? [];
  }
}
