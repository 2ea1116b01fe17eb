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
// Auth and accounts
export {
  accountIdForAccessKeyId,
  DEFAULT_ACCOUNT_ID,
  type MockCredentials,
  TEST_CREDENTIALS,
} from "./auth/credentials.js";
export { execution, fleet, job } from "./builders.js";
// Clock
export { type ClockOptions, type ClockTask, createClock, type MockClock } from "./clock/clock.js";
export { MIN_EPOCH_MS, type TimeInput } from "./clock/time-input.js";
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
// Faults
export type { Faults } from "./faults/faults.js";
export type { FaultDraw, FaultOptions, FaultRule, FaultRuleInfo, FaultScope, FaultSpec } from "./faults/types.js";
export { type HandlerContext, handleListJobExecutionsForJob, type RequestRecord } from "./handler.js";
// Your own overrides (`server.use`)
export { type AwsErrorResponseOptions, awsErrorResponse } from "./http/aws-error-response.js";
export {
  failedRollout,
  largeFleet,
  rolloutInProgress,
  type ScenarioName,
  type ScenarioOptions,
  scenarios,
} from "./scenarios.js";
export { applySeed, checkSeed, type SeedDocument } from "./seed.js";
export { seedSchema } from "./seed-schema.js";
export { type AwsErrorName, mswPath } from "./spec.js";
export { jobExecutionStatuses } from "./statuses.js";
export { MockJob } from "./store/job.js";
export { allowedTransitions, retryableStatuses } from "./store/lifecycle.js";
// State: store, jobs, fixtures, scenarios, seeds
export { MockStore } from "./store/store.js";
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
} from "./store/types.js";
