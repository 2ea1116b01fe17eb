import type { components, operations } from "../generated/openapi.js";

type Schemas = components["schemas"];
type Operation = operations["ListJobExecutionsForJob"];

/** The status of a job execution: `QUEUED`, `IN_PROGRESS`, `SUCCEEDED`, `FAILED`, ... */
export type JobExecutionStatus = Schemas["JobExecutionStatus"];

/** A job execution summary as it travels on the wire: timestamps are epoch seconds. */
export type JobExecutionSummary = Schemas["JobExecutionSummary"];

/** One element of `executionSummaries` on the wire: a thing ARN and its execution summary. */
export type JobExecutionSummaryForJob = Schemas["JobExecutionSummaryForJob"];

/** The 200 body on the wire. */
export type ListJobExecutionsForJobResponse = Schemas["ListJobExecutionsForJobResponse"];

/** The request parameters, flattened (path and query) as the official SDKs take them. */
export type ListJobExecutionsForJobRequest = Operation["parameters"]["path"] &
  NonNullable<Operation["parameters"]["query"]>;

/** The HTTP statuses the spec declares for the operation. */
export type ListJobExecutionsForJobStatus = keyof Operation["responses"];

/** The body of every modeled error: `{ message }`. */
export type ErrorBody = Schemas["InvalidRequestException"];

/** The names of the errors the AWS model lists for the operation. */
export type ModeledErrorName =
  | "InvalidRequestException"
  | "ThrottlingException"
  | "ResourceNotFoundException"
  | "ServiceUnavailableException";
