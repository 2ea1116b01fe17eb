import { FixtureError } from "../../errors.js";
import * as validators from "../../request/validation/generated/validators.gen.js";
import { type JobExecutionStatus, jobExecutionStatuses } from "../../spec.js";
import { toEpochMs } from "../clock/time-input.js";
import { checkKeys, checkObject, checkSchema } from "./check.js";
import type { ExecutionRow } from "./execution-table.js";
import { startedStatuses } from "./lifecycle.js";

const fields = ["thingName", "status", "queuedAt", "startedAt", "lastUpdatedAt", "executionNumber", "retryAttempt"];

/**
 * Checks one execution fixture and fills in the defaults: QUEUED, queued now, started when queued if the status
 * implies it, last updated when it started (or was queued), execution number 1, no retries. Throws a
 * {@link FixtureError} naming `field` and the member on any bad value or inconsistent timestamps.
 *
 * @example
 * resolveExecution({ thingName: "sensor-1", status: "SUCCEEDED" }, clock.now(), "executions[0]");
 */
export function resolveExecution(fixture: unknown, now: number, field: string): ExecutionRow {
  checkObject(field, fixture);
  checkKeys(field, fixture, fields);
  checkSchema(`${field}.thingName`, fixture.thingName, validators.thingName);
  const status = (fixture.status ?? "QUEUED") as JobExecutionStatus;
  checkSchema(`${field}.status`, status, validators.executionStatus);
  const queuedAt = fixture.queuedAt === undefined ? now : toEpochMs(`${field}.queuedAt`, fixture.queuedAt);
  let startedAt = Number.NaN;
  if (fixture.startedAt !== undefined) {
    if (status === "QUEUED")
      throw new FixtureError(`${field}.startedAt`, fixture.startedAt, "must be absent while status is QUEUED");
    startedAt = toEpochMs(`${field}.startedAt`, fixture.startedAt);
    if (startedAt < queuedAt)
      throw new FixtureError(`${field}.startedAt`, fixture.startedAt, "must not be earlier than queuedAt");
  } else if (startedStatuses.includes(status)) startedAt = queuedAt;
  const floor = Number.isNaN(startedAt) ? queuedAt : startedAt;
  const lastUpdatedAt =
    fixture.lastUpdatedAt === undefined ? floor : toEpochMs(`${field}.lastUpdatedAt`, fixture.lastUpdatedAt);
  if (lastUpdatedAt < floor) {
    throw new FixtureError(
      `${field}.lastUpdatedAt`,
      fixture.lastUpdatedAt,
      `must not be earlier than ${Number.isNaN(startedAt) ? "queuedAt" : "startedAt"}`,
    );
  }
  const executionNumber = fixture.executionNumber ?? 1;
  checkSchema(`${field}.executionNumber`, executionNumber, validators.executionNumber);
  const retryAttempt = fixture.retryAttempt ?? 0;
  checkSchema(`${field}.retryAttempt`, retryAttempt, validators.retryAttempt);
  return {
    thingName: fixture.thingName as string,
    status: jobExecutionStatuses.indexOf(status),
    queuedAt,
    startedAt,
    lastUpdatedAt,
    executionNumber: executionNumber as number,
    retryAttempt: retryAttempt as number,
  };
}
