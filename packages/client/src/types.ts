import type {
  dateMembers,
  ListJobExecutionsForJobRequest,
  ListJobExecutionsForJobResponse,
  JobExecutionStatus as WireJobExecutionStatus,
  JobExecutionSummary as WireJobExecutionSummary,
  JobExecutionSummaryForJob as WireJobExecutionSummaryForJob,
} from "@iot-jobs/spec";
import type {
  AccessDeniedException,
  CredentialsProviderError,
  DeserializationError,
  InvalidRequestException,
  InvalidSignatureException,
  MissingAuthenticationTokenException,
  NetworkError,
  ParamValidationError,
  ResourceNotFoundException,
  ResponseMetadata,
  ServiceUnavailableException,
  ThrottlingException,
  TimeoutError,
  UnknownServiceException,
  UnrecognizedClientException,
} from "./errors.js";

// Every type here is derived from the spec's generated types: a spec change shows up in them.

type Flatten<T> = { [K in keyof T]: T[K] } & {};
type DateMember = (typeof dateMembers)[number];

/**
 * The status of a job execution: `QUEUED`, `IN_PROGRESS`, `SUCCEEDED`, `FAILED`, `TIMED_OUT`, `REJECTED`,
 * `REMOVED` or `CANCELED`.
 * @example
 * const done: JobExecutionStatus[] = ["SUCCEEDED", "FAILED", "TIMED_OUT", "REJECTED", "REMOVED", "CANCELED"];
 */
export type JobExecutionStatus = WireJobExecutionStatus;

/**
 * A summary of one job execution, with its timestamps as `Date` (the wire carries epoch seconds). Every member may
 * be absent, e.g. `startedAt` while the execution is still queued.
 * @example
 * const summary: JobExecutionSummary = { status: "QUEUED", queuedAt: new Date(), executionNumber: 1 };
 */
export type JobExecutionSummary = Flatten<Omit<WireJobExecutionSummary, DateMember> & { [K in DateMember]?: Date }>;

/**
 * One element of a page: the thing's ARN and the summary of the job's execution on it.
 * @example
 * const arn = (item: JobExecutionSummaryForJob) => item.thingArn;
 */
export type JobExecutionSummaryForJob = Flatten<
  Omit<WireJobExecutionSummaryForJob, "jobExecutionSummary"> & { jobExecutionSummary?: JobExecutionSummary }
>;

/**
 * The parameters of ListJobExecutionsForJob: `jobId` (1..64 of `[a-zA-Z0-9_-]`), and optionally `status`,
 * `maxResults` (1..250) and the `nextToken` of the previous page.
 * @example
 * const input: ListJobExecutionsForJobInput = { jobId: "firmware-42", status: "FAILED", maxResults: 100 };
 */
export type ListJobExecutionsForJobInput = Flatten<ListJobExecutionsForJobRequest>;

/**
 * One page of executions, with response metadata like the AWS SDKs' outputs. `nextToken` is absent on the last
 * page (a wire `null` is dropped).
 * @example
 * const count = (page: ListJobExecutionsForJobOutput) => page.executionSummaries?.length ?? 0;
 */
export type ListJobExecutionsForJobOutput = Flatten<
  Omit<ListJobExecutionsForJobResponse, "executionSummaries" | "nextToken"> & {
    executionSummaries?: JobExecutionSummaryForJob[];
    nextToken?: string;
    /** Status, request id, attempts and retry delay of the call. */
    $metadata: ResponseMetadata;
  }
>;

/**
 * Every error `listJobExecutionsForJob` can return (or throw, with `throwOnError`): narrow it on `name`.
 * @example
 * const retryLater = (e: ListJobExecutionsForJobError) => e.name === "ThrottlingException";
 */
export type ListJobExecutionsForJobError =
  | InvalidRequestException
  | ThrottlingException
  | ResourceNotFoundException
  | ServiceUnavailableException
  | UnrecognizedClientException
  | InvalidSignatureException
  | AccessDeniedException
  | MissingAuthenticationTokenException
  | UnknownServiceException
  | NetworkError
  | TimeoutError
  | DeserializationError
  | ParamValidationError
  | CredentialsProviderError;

/**
 * What `listJobExecutionsForJob` resolves to by default: either `data` or `error` (openapi-fetch style), and the
 * call's `$metadata` either way. `response` is the last HTTP response, when there was one (its body is consumed).
 * @example
 * const { data, error } = await client.listJobExecutionsForJob({ jobId: "firmware-42" });
 * if (error) throw error;
 * console.log(data.executionSummaries);
 */
export type ListJobExecutionsForJobResult =
  | { data: ListJobExecutionsForJobOutput; error?: never; $metadata: ResponseMetadata; response: Response }
  | { data?: never; error: ListJobExecutionsForJobError; $metadata: ResponseMetadata; response?: Response };

/**
 * Options of one call.
 * @example
 * await client.listJobExecutionsForJob({ jobId: "firmware-42" }, { signal: AbortSignal.timeout(5_000) });
 */
export interface CallOptions {
  /** Cancels the call at once, also while it waits to retry; the call rejects with `signal.reason`, like fetch. */
  signal?: AbortSignal;
}

/**
 * Options of the paginators.
 * @example
 * client.paginateListJobExecutionsForJob({ jobId: "firmware-42" }, { pageSize: 250, startingToken: saved });
 */
export interface PaginationOptions extends CallOptions {
  /** `maxResults` of every page (1..250). @default the input's `maxResults`, else the service's default */
  pageSize?: number;
  /**
   * Resume from this `nextToken`: one saved from an earlier page, or the `resumeToken` of an error a scan threw.
   * @default the input's `nextToken`
   */
  startingToken?: string;
  /**
   * How many more times a page is asked for after its call failed with a retryable error (throttling, 5xx,
   * network, timeout) despite the call's own `maxAttempts`. Each costs 5 tokens of the client's retry bucket and
   * waits a full-jitter backoff (up to 2, 4, 8, 16, then 20 s after throttling; a fifth of that otherwise) that
   * the `signal` cancels. `0` turns it off: a page then fails as a single call does.
   * @default 5
   */
  pageRetries?: number;
}
