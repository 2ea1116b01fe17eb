import { P, PaginationError } from "./errors.js";
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
 * Yields page after page, following `nextToken` until the service sends none; throws the typed error of a failed
 * page. Holds one page at a time. A token the service already sent would loop forever: the immediately repeated
 * token is caught at once, any longer cycle by Brent's algorithm (two tokens of state, at most ~2 cycle lengths late).
 */
export async function* paginateListJobExecutionsForJob(
  call: Call,
  input: ListJobExecutionsForJobInput,
  { pageSize, startingToken, signal }: PaginationOptions = {},
): AsyncGenerator<ListJobExecutionsForJobOutput, void, undefined> {
  let token = startingToken ?? input.nextToken;
  let mark = token;
  let power = 1;
  let steps = 0;
  for (;;) {
    const data = unwrap(
      await call({ ...input, maxResults: pageSize ?? input.maxResults, nextToken: token }, { signal }),
    );
    const next = data.nextToken;
    if (next && (next === token || next === mark)) {
      throw new PaginationError({ message: `${P}nextToken repeated: ${next}`, token: next });
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
  input: ListJobExecutionsForJobInput,
  options?: PaginationOptions,
): AsyncGenerator<JobExecutionSummaryForJob, void, undefined> {
  for await (const page of paginateListJobExecutionsForJob(call, input, options)) yield* page.executionSummaries ?? [];
}
