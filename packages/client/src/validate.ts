import { parameters } from "@iot-jobs/spec";
import { P, ParamValidationError } from "./errors.js";
import { findBreach, invalid } from "./find-breach.js";

/**
 * Checks the call's parameters against the constraints of the spec's `parameters` (derived at import time from
 * `@iot-jobs/spec`, never a second copy). Returns the first violation, naming field, value and constraint.
 */
export function validate(input: object): ParamValidationError | undefined {
  for (const { name, required, schema } of parameters) {
    const value = (input as Record<string, unknown>)?.[name];
    const constraint = value == null ? (required ? "required" : undefined) : findBreach(value, schema, name)?.[1];
    if (constraint) {
      return new ParamValidationError({
        message: P + invalid(name, value, constraint),
        field: name,
        value,
        constraint,
      });
    }
  }
}
