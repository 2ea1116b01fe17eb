import { parameters, responses } from "../../spec.js";

/**
 * The JSON Schemas the mocks check values against, taken from the spec (plus the one rule the spec cannot give).
 * They are data only: `scripts/generate-validators.mjs` precompiles every schema the mocks validate with into
 * `generated/validators.gen.js`, so nothing is compiled at run time.
 */

/**
 * The spec's schema of a request parameter (`jobId`, `status`, ...).
 *
 * @example
 * parameterSchema("maxResults"); // { type: "integer", format: "int32", minimum: 1, maximum: 250 }
 */
export function parameterSchema(name: string): object {
  const parameter = parameters.find((p) => p.name === name);
  if (!parameter) throw new Error(`[@iot-jobs/mocks] the spec declares no parameter ${name}`);
  return parameter.schema;
}

type Properties = Record<string, object>;
const summaryProperties = (
  responses["200"].schema.properties.executionSummaries.items.properties.jobExecutionSummary as unknown as {
    properties: Properties;
  }
).properties;

/**
 * The spec's schema of a JobExecutionSummary member (`executionNumber`: int64, `retryAttempt`: int32, ...).
 *
 * @example
 * summaryMemberSchema("status"); // { type: "string", enum: ["QUEUED", "IN_PROGRESS", ...] }
 */
export function summaryMemberSchema(name: "status" | "executionNumber" | "retryAttempt"): object {
  return summaryProperties[name]!;
}

/**
 * AWS's ThingName constraint. The spec only describes thing ARNs, so this one rule is written here, from the
 * IoT model's `ThingName` shape (length 1..128, pattern `[a-zA-Z0-9:_-]+`).
 */
export const thingNameSchema = { type: "string", minLength: 1, maxLength: 128, pattern: "^[a-zA-Z0-9:_-]+$" } as const;

/** A fixture's execution number: the spec's int64 member, and at least 1 (AWS numbers executions from 1). */
export const executionNumberSchema = { ...summaryMemberSchema("executionNumber"), minimum: 1 };

/** A fixture's retry attempt: the spec's int32 member, never negative. */
export const retryAttemptSchema = { ...summaryMemberSchema("retryAttempt"), minimum: 0 };
