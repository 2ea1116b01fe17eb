// Checked by `tsc -p tsconfig.test.json` (pnpm typecheck): every @ts-expect-error must be an error.
import { expectTypeOf } from "vitest";
import {
  createIotJobsClient,
  type IotJobsClient,
  type JobExecutionStatus,
  type JobExecutionSummary,
  type JobExecutionSummaryForJob,
  type ListJobExecutionsForJobError,
  type ListJobExecutionsForJobOutput,
  type ParamValidationError,
  type ResponseMetadata,
  ThrottlingException,
} from "../../src/index.js";

const client = createIotJobsClient({ region: "us-east-1" });
const throwing = createIotJobsClient({ region: "us-east-1", throwOnError: true });

expectTypeOf(client).toEqualTypeOf<IotJobsClient<false>>();
expectTypeOf(throwing).toEqualTypeOf<IotJobsClient<true>>();

// Input: jobId required; status from the enum; maxResults a number.
void client.listJobExecutionsForJob({ jobId: "j", status: "IN_PROGRESS", maxResults: 10, nextToken: "t" });
// @ts-expect-error jobId is required
void client.listJobExecutionsForJob({ maxResults: 10 });
// @ts-expect-error maxResults is a number, not a string
void client.listJobExecutionsForJob({ jobId: "j", maxResults: "10" });
// @ts-expect-error not a JobExecutionStatus
void client.listJobExecutionsForJob({ jobId: "j", status: "RUNNING" });
// @ts-expect-error unknown parameter
void client.listJobExecutionsForJob({ jobId: "j", maxresults: 10 });
// @ts-expect-error the signal goes in the options
void client.listJobExecutionsForJob({ jobId: "j" }, { pageSize: 10 });

expectTypeOf<JobExecutionStatus>().toEqualTypeOf<
  "QUEUED" | "IN_PROGRESS" | "SUCCEEDED" | "FAILED" | "TIMED_OUT" | "REJECTED" | "REMOVED" | "CANCELED"
>();

// Default: { data, error } values, discriminated on error.
async function values() {
  const result = await client.listJobExecutionsForJob({ jobId: "j" });
  expectTypeOf(result.$metadata).toEqualTypeOf<ResponseMetadata>();
  if (result.error) {
    expectTypeOf(result.data).toEqualTypeOf<undefined>();
    expectTypeOf(result.error).toEqualTypeOf<ListJobExecutionsForJobError>();
    if (result.error.name === "ParamValidationError") {
      expectTypeOf(result.error).toEqualTypeOf<ParamValidationError>();
      expectTypeOf(result.error.field).toEqualTypeOf<string>();
    }
    if (result.error instanceof ThrottlingException)
      expectTypeOf(result.error.name).toEqualTypeOf<"ThrottlingException">();
    // @ts-expect-error not a name this operation's errors can have
    if (result.error.name === "ConflictException") return;
    return;
  }
  expectTypeOf(result.data).toEqualTypeOf<ListJobExecutionsForJobOutput>();
  const summary = result.data.executionSummaries?.[0]?.jobExecutionSummary;
  // Timestamps are Dates; every member may be absent.
  expectTypeOf(summary?.queuedAt).toEqualTypeOf<Date | undefined>();
  expectTypeOf(summary?.startedAt).toEqualTypeOf<Date | undefined>();
  expectTypeOf(summary?.lastUpdatedAt).toEqualTypeOf<Date | undefined>();
  expectTypeOf(summary?.status).toEqualTypeOf<JobExecutionStatus | undefined>();
  expectTypeOf(summary?.executionNumber).toEqualTypeOf<number | undefined>();
  expectTypeOf(result.data.nextToken).toEqualTypeOf<string | undefined>();
  expectTypeOf(result.data.$metadata.attempts).toEqualTypeOf<number>();
  // @ts-expect-error a Date, not epoch seconds
  const seconds: number | undefined = summary?.queuedAt;
  return seconds;
}

// throwOnError: the data itself.
async function thrown() {
  const data = await throwing.listJobExecutionsForJob({ jobId: "j" });
  expectTypeOf(data).toEqualTypeOf<ListJobExecutionsForJobOutput>();
  // @ts-expect-error no error member on the data
  void data.error;
}

// Paginators.
async function paging() {
  for await (const page of client.paginateListJobExecutionsForJob(
    { jobId: "j" },
    { pageSize: 250, startingToken: "t" },
  )) {
    expectTypeOf(page).toEqualTypeOf<ListJobExecutionsForJobOutput>();
  }
  for await (const execution of client.listAllJobExecutionsForJob({ jobId: "j", status: "FAILED" })) {
    expectTypeOf(execution).toEqualTypeOf<JobExecutionSummaryForJob>();
    expectTypeOf(execution.jobExecutionSummary).toEqualTypeOf<JobExecutionSummary | undefined>();
  }
  // @ts-expect-error pageSize is a number
  client.paginateListJobExecutionsForJob({ jobId: "j" }, { pageSize: "250" });
}

// Configuration.
createIotJobsClient({
  region: "eu-west-1",
  endpoint: new URL("http://127.0.0.1:4010"),
  credentials: async () => ({ accessKeyId: "a", secretAccessKey: "b", sessionToken: "c", expiration: new Date() }),
  fetch: globalThis.fetch,
  maxAttempts: 5,
  requestTimeout: 2_000,
});
// @ts-expect-error credentials need a secret
createIotJobsClient({ region: "eu-west-1", credentials: { accessKeyId: "a" } });
// @ts-expect-error maxAttempts is a number
createIotJobsClient({ maxAttempts: "3" });

export { paging, thrown, values };

// Page retries, resume tokens and the clock offset (issue 15).
void client.paginateListJobExecutionsForJob({ jobId: "j" }, { pageRetries: 0, startingToken: "t" });
// @ts-expect-error pageRetries is a number
void client.paginateListJobExecutionsForJob({ jobId: "j" }, { pageRetries: false });
void createIotJobsClient({ region: "us-east-1", systemClockOffset: -60_000 });
// @ts-expect-error systemClockOffset is milliseconds, a number
void createIotJobsClient({ region: "us-east-1", systemClockOffset: "20m" });
declare const failed: ListJobExecutionsForJobError;
expectTypeOf(failed.resumeToken).toEqualTypeOf<string | undefined>();
expectTypeOf(failed.$metadata.clockSkewCorrected).toEqualTypeOf<boolean | undefined>();
