import { FixtureError } from "../errors.js";

/**
 * A point in time as the mocks' API takes it: a `Date`, epoch **milliseconds** (like `Date.now()`), or an
 * ISO 8601 string (`"2026-11-29T08:00:00Z"`). The wire's epoch seconds are for responses only.
 *
 * @example
 * const times: TimeInput[] = [new Date(), Date.now() - 60_000, "2026-11-29T08:00:00Z"];
 */
export type TimeInput = Date | number | string;

/**
 * Reads a {@link TimeInput} as epoch milliseconds, or throws a {@link FixtureError} naming the field.
 *
 * @example
 * toEpochMs("executions[0].queuedAt", "2026-11-29T08:00:00Z"); // 1795939200000
 */
export function toEpochMs(field: string, input: unknown): number {
  let ms = Number.NaN;
  if (input instanceof Date) ms = input.getTime();
  else if (typeof input === "number") ms = input;
  else if (typeof input === "string" && /^\d{4}-\d{2}-\d{2}/.test(input)) ms = Date.parse(input);
  if (!Number.isFinite(ms) || ms < 0) {
    throw new FixtureError(field, input, "must be a Date, epoch milliseconds ≥ 0 or an ISO 8601 date-time string");
  }
  return ms;
}
