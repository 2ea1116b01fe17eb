import { parameters } from "@iot-jobs/spec";
import { P, ParamValidationError } from "./errors.js";

type Value = string & number;

/**
 * The JSON Schema keywords the spec's parameters use, each as "is `value` outside `limit`?". Checked in the
 * spec's own order after `type`; a keyword missing here is caught by a test that walks the spec.
 */
const breaks: Record<string, (value: Value, limit: never) => boolean> = {
  minLength: (v, n: number) => [...v].length < n,
  maxLength: (v, n: number) => [...v].length > n,
  pattern: (v, p: string) => !new RegExp(p, "u").test(v),
  enum: (v, values: readonly string[]) => !values.includes(v),
  minimum: (v, n: number) => v < n,
  maximum: (v, n: number) => v > n,
};

/**
 * Checks the call's parameters against the constraints of the spec's `parameters` (derived at import time from
 * `@iot-jobs/spec`, never a second copy). Returns the first violation, naming field, value and constraint.
 */
export function validate(input: object): ParamValidationError | undefined {
  for (const { name, required, schema } of parameters) {
    const value = (input as Record<string, Value | undefined>)?.[name];
    let constraint: string | undefined;
    if (value == null) {
      if (required) constraint = "required";
    } else if (schema.type === "integer" ? !Number.isInteger(value) : typeof value !== schema.type) {
      constraint = `type: ${schema.type}`;
    } else {
      constraint = Object.entries(schema)
        .find(([keyword, limit]) => breaks[keyword]?.(value, limit as never))
        ?.join(": ");
    }
    if (constraint) {
      return new ParamValidationError({
        // JSON shows strings quoted, but NaN and Infinity as null: numbers are shown as they are.
        message: `${P}Invalid ${name} ${typeof value === "string" ? JSON.stringify(value) : String(value)}: must satisfy ${constraint}`,
        field: name,
        value,
        constraint,
      });
    }
  }
}
