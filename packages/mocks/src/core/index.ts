/**
 * `@iot-jobs/mocks`: a faithful, stateful fake of AWS IoT ListJobExecutionsForJob as MSW handlers. This entry is
 * environment-agnostic; `@iot-jobs/mocks/node` adds `setupServer` wiring and the standalone server,
 * `@iot-jobs/mocks/browser` the `setupWorker` wiring.
 */

// Wire types from the spec, for assertions
export type {
  JobExecutionStatus,
  JobExecutionSummary,
  JobExecutionSummaryForJob,
  ListJobExecutionsForJobResponse,
} from "@iot-jobs/spec";
// The mock
export {
  createIotJobsMock,
  DEFAULT_MAX_EXECUTIONS,
  DEFAULT_PAGE_SIZE,
  type IotJobsMock,
  type IotJobsMockOptions,
} from "./create-iot-jobs-mock.js";
// Errors
export { FixtureError, IllegalTransitionError, IotJobsMockError, SeedError, type SeedIssue } from "./errors.js";
// Auth and accounts
export {
  accountIdForAccessKeyId,
  DEFAULT_ACCOUNT_ID,
  type MockCredentials,
  TEST_CREDENTIALS,
} from "./request/auth/credentials.js";
export { type HandlerContext, handleListJobExecutionsForJob, type RequestRecord } from "./request/handler.js";
// Your own overrides (`server.use`)
export { type AwsErrorResponseOptions, awsErrorResponse } from "./request/http/aws-error-response.js";
export { type AwsErrorName, mswPath } from "./spec.js";
// Clock
export { type ClockOptions, type ClockTask, createClock, type MockClock } from "./state/clock/clock.js";
export { MIN_EPOCH_MS, type TimeInput } from "./state/clock/time-input.js";
// Faults
export type { Faults } from "./state/faults/faults.js";
export type { FaultDraw, FaultOptions, FaultRule, FaultRuleInfo, FaultScope, FaultSpec } from "./state/faults/types.js";
export { execution, fleet, job } from "./state/fixtures/builders.js";
export {
  failedRollout,
  largeFleet,
  rolloutInProgress,
  type ScenarioName,
  type ScenarioOptions,
  scenarios,
} from "./state/fixtures/scenarios.js";
export { applySeed, checkSeed, type SeedDocument } from "./state/fixtures/seed.js";
export { seedSchema } from "./state/fixtures/seed-schema.js";
export { MockJob } from "./state/store/job.js";
export { allowedTransitions, retryableStatuses } from "./state/store/lifecycle.js";
// State: store, jobs, fixtures, scenarios, seeds
export { MockStore } from "./state/store/store.js";
export type {
  AccountScope,
  ExecutionFixture,
  FleetFixture,
  JobExecution,
  JobFixture,
  JobScope,
  Rollout,
  RolloutConfig,
  RolloutOutcome,
  StartedStatus,
} from "./state/store/types.js";
export { jobExecutionStatuses } from "./statuses.js";
