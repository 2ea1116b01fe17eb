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
 * The latest instant the mocks accept, 9999-12-31T23:59:59.999Z: past it ISO strings and epoch seconds on the wire
 * stop being what clients can parse, so no clock, fixture or control call may go beyond it.
 *
 * @example
 * new Date(MAX_TIME_MS).toISOString(); // "9999-12-31T23:59:59.999Z"
 */
export const MAX_TIME_MS = 253_402_300_799_999;

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
  if (!Number.isFinite(ms) || ms < 0 || ms > MAX_TIME_MS) {
    throw new FixtureError(
      field,
      input,
      "must be a Date, epoch milliseconds from 0 to 253402300799999 or an ISO 8601 date-time string (years 1970 to 9999)",
    );
  }
  return ms;
}
