import { FixtureError } from "../../errors.js";
import { constraintPhrase } from "../../request/validation/coral-message.js";
import type { PrecompiledValidator } from "../../request/validation/generated/validators.gen.js";

/**
 * Checks a fixture value with a precompiled validator of a JSON Schema (usually one from the spec, see
 * `request/validation/validator-schemas.ts`) and throws a {@link FixtureError} naming the field, the value and the first
 * broken constraint, worded like the service's validation errors.
 *
 * @example
 * checkSchema("jobId", "bad id", jobIdParameter); // FixtureError: jobId: value "bad id" must satisfy regular expression pattern: ...
 */
export function checkSchema(field: string, value: unknown, validate: PrecompiledValidator): void {
  if (validate(value)) return;
  const error = validate.errors![0]!;
  const phrase = constraintPhrase({ member: field, raw: String(value), keyword: error.keyword, params: error.params });
  throw new FixtureError(field, value, phrase.replace(/^Member must/, "must"));
}

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
