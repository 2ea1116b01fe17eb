// Type tests: they prove the generated types follow the spec. `pnpm typecheck` (tsc) fails when an
// `@ts-expect-error` line stops being an error, i.e. when the spec and the types drift apart.
import type {
  JobExecutionSummary,
  ListJobExecutionsForJobRequest,
  ListJobExecutionsForJobResponse,
  paths,
} from "../../src/index.js";

type Get = paths["/jobs/{jobId}/things"]["get"];

export const validRequest: ListJobExecutionsForJobRequest = {
  jobId: "firmware-update",
  status: "IN_PROGRESS",
  maxResults: 250,
  nextToken: "abc",
};

export const stringMaxResults: ListJobExecutionsForJobRequest = {
  // @ts-expect-error maxResults is an integer in the spec, not a string
  maxResults: "250",
  jobId: "j",
};

// @ts-expect-error jobId is required
export const noJobId: ListJobExecutionsForJobRequest = { maxResults: 1 };

// @ts-expect-error the status must be one of the eight JobExecutionStatus values
export const badStatus: ListJobExecutionsForJobRequest = { jobId: "j", status: "RUNNING" };

export const summary: JobExecutionSummary = {
  status: "QUEUED",
  queuedAt: 1764403200.123,
  executionNumber: 1,
  retryAttempt: 0,
  // @ts-expect-error a misspelled member (lastUpdateAt for lastUpdatedAt) is not in the schema
  lastUpdateAt: 1,
};

// @ts-expect-error timestamps travel as numbers of epoch seconds, not ISO strings
export const stringDate: JobExecutionSummary = { queuedAt: "2026-11-29T00:00:00Z" };

export const lastPage: ListJobExecutionsForJobResponse = { executionSummaries: [], nextToken: null };

// Throttling is declared as a 400, not a 429.
export const throttled: Get["responses"][400]["content"]["application/json"] = { message: "Rate exceeded" };
// @ts-expect-error the spec declares no 429 response
export type NoTooManyRequests = Get["responses"][429];
