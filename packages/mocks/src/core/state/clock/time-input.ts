import { FixtureError } from "../../errors.js";

/**
 * A point in time as the mocks' API takes it: a `Date`, epoch **milliseconds** (like `Date.now()`), or an
 * ISO 8601 string (`"2026-11-29T08:00:00Z"`). The wire's epoch seconds are for responses only.
 *
 * @example
 * const times: TimeInput[] = [new Date(), Date.now() - 60_000, "2026-11-29T08:00:00Z"];
 */
export type TimeInput = Date | number | string;

/**
 * The smallest epoch-milliseconds number a time may be: 2001-01-01T00:00:00Z (978307200000). Below it a number is
 * far more likely epoch seconds (the wire's unit: 1795939200 is 2026-11-29 in seconds, 1970-01-21 in ms), so it is
 * refused rather than read as a date in January 1970.
 *
 * @example
 * Date.now() >= MIN_EPOCH_MS; // true
 */
export const MIN_EPOCH_MS = 978_307_200_000;

/**
 * The latest instant the mocks accept, 9999-12-31T23:59:59.999Z: past it ISO strings and epoch seconds on the wire
 * stop being what clients can parse, so no clock, fixture or control call may go beyond it.
 *
 * @example
 * new Date(MAX_TIME_MS).toISOString(); // "9999-12-31T23:59:59.999Z"
 */
export const MAX_TIME_MS = 253_402_300_799_999;

/**
 * What a number below {@link MIN_EPOCH_MS} most likely meant, for error messages.
 *
 * @example
 * secondsHint(1795939200); // "; 1795939200 looks like epoch seconds: 1795939200000 ms is 2026-11-29T08:00:00.000Z"
 */
export function secondsHint(value: unknown): string {
  if (typeof value !== "number" || !Number.isFinite(value) || value < MIN_EPOCH_MS / 1000 || value >= MIN_EPOCH_MS)
    return "";
  const ms = value * 1000;
  return `; ${value} looks like epoch seconds: ${ms} ms is ${new Date(ms).toISOString()}`;
}

/**
 * Reads a {@link TimeInput} as epoch milliseconds, or throws a {@link FixtureError} naming the field. Numbers are
 * milliseconds from 2001 on ({@link MIN_EPOCH_MS}; a seconds value is refused, never read as 1970) up to
 * {@link MAX_TIME_MS}.
 *
 * @example
 * toEpochMs("executions[0].queuedAt", "2026-11-29T08:00:00Z"); // 1795939200000
 * toEpochMs("executions[0].queuedAt", 1795939200); // throws: … looks like epoch seconds …
 */
export function toEpochMs(field: string, input: unknown): number {
  let ms = Number.NaN;
  if (input instanceof Date) ms = input.getTime();
  else if (typeof input === "number") ms = input;
  else if (typeof input === "string" && /^\d{4}-\d{2}-\d{2}/.test(input)) ms = Date.parse(input);
  if (!Number.isFinite(ms) || (typeof input === "number" && ms < MIN_EPOCH_MS) || ms < 0 || ms > MAX_TIME_MS) {
    throw new FixtureError(
      field,
      input,
      `must be a Date, an ISO 8601 date-time string (years 1970 to 9999) or epoch milliseconds from ${MIN_EPOCH_MS} (2001-01-01) to ${MAX_TIME_MS}${secondsHint(input)}`,
    );
  }
  return ms;
}
