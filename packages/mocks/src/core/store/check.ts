import type { ValidateFunction } from "ajv";
import { FixtureError } from "../errors.js";
import { parameters, responses } from "../spec.js";
import { sharedAjv } from "../validation/ajv.js";
import { constraintPhrase } from "../validation/coral-message.js";

const compiled = new WeakMap<object, ValidateFunction>();

/**
 * Checks a fixture value against a JSON Schema (usually one from the spec) and throws a {@link FixtureError}
 * naming the field, the value and the first broken constraint, worded like the service's validation errors.
 *
 * @example
 * checkSchema("jobId", "bad id", jobIdSchema); // FixtureError: jobId: value "bad id" must satisfy regular expression pattern: ...
 */
export function checkSchema(field: string, value: unknown, schema: object): void {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = sharedAjv().compile(schema);
    compiled.set(schema, validate);
  }
  if (validate(value)) return;
  const error = validate.errors![0]!;
  const phrase = constraintPhrase({ member: field, raw: String(value), keyword: error.keyword, params: error.params });
  throw new FixtureError(field, value, phrase.replace(/^Member must/, "must"));
}

/** The spec's schema of a request parameter (`jobId`, `status`, ...). */
export function parameterSchema(name: string): object {
  return parameters.find((p) => p.name === name)!.schema;
}

type Properties = Record<string, object>;
const summaryProperties = (
  responses["200"].schema.properties.executionSummaries.items.properties.jobExecutionSummary as unknown as {
    properties: Properties;
  }
).properties;

/** The spec's schema of a JobExecutionSummary member (`executionNumber`: int64, `retryAttempt`: int32, ...). */
export function summaryMemberSchema(name: "status" | "executionNumber" | "retryAttempt"): object {
  return summaryProperties[name]!;
}

/**
 * AWS's ThingName constraint. The spec only describes thing ARNs, so this one rule is written here, from the
 * IoT model's `ThingName` shape (length 1..128, pattern `[a-zA-Z0-9:_-]+`).
 */
export const thingNameSchema = { type: "string", minLength: 1, maxLength: 128, pattern: "^[a-zA-Z0-9:_-]+$" } as const;

/** Throws a {@link FixtureError} for keys an object may not have (catches typos such as `startAt`). */
export function checkKeys(field: string, value: object, allowed: readonly string[]): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key))
      throw new FixtureError(
        `${field}.${key}`,
        (value as Record<string, unknown>)[key],
        `is not a known field (known: ${allowed.join(", ")})`,
      );
  }
}

/** Throws unless `value` is a plain object. */
export function checkObject(field: string, value: unknown): asserts value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new FixtureError(field, value, "must be an object");
}
