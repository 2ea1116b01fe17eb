// How values read on the page. Dates come from the client as `Date`s; they are shown in the reader's time zone.

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "short", timeStyle: "medium" });
const clockTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "long" });
const integer = new Intl.NumberFormat();

/**
 * A timestamp of an execution, or a dash when the service left it out (`startedAt` of a queued execution).
 *
 * @example
 * formatDate(undefined); // "—"
 */
export function formatDate(date: Date | undefined): string {
  return date ? dateTime.format(date) : "—";
}

/**
 * The mock clock's time, with the time zone.
 *
 * @example
 * formatClock(Date.parse("2026-11-29T08:00:00Z")); // "Nov 29, 2026, 8:00:00 AM UTC" (en-US, UTC)
 */
export function formatClock(epochMs: number): string {
  return clockTime.format(epochMs);
}

/**
 * A count, grouped by the reader's locale.
 *
 * @example
 * formatCount(100000); // "100,000" (en-US)
 */
export function formatCount(n: number): string {
  return integer.format(n);
}

/**
 * A duration in whole milliseconds.
 *
 * @example
 * formatMs(312.4); // "312 ms"
 */
export function formatMs(ms: number): string {
  return `${integer.format(Math.round(ms))} ms`;
}

/**
 * The thing name at the end of a thing ARN (`arn:aws:iot:<region>:<account>:thing/<name>`).
 *
 * @example
 * thingName("arn:aws:iot:us-east-1:123456789012:thing/sensor-0001"); // "sensor-0001"
 */
export function thingName(arn: string | undefined): string {
  if (arn === undefined) return "—";
  const at = arn.lastIndexOf(":thing/");
  return at < 0 ? arn : arn.slice(at + ":thing/".length);
}

/**
 * A SigV4 `Authorization` header cut into its parts (algorithm and credential, signed headers, signature), one
 * per line, as AWS documents it.
 *
 * @example
 * authorizationLines("AWS4-HMAC-SHA256 Credential=AKID/20261129/us-east-1/iot/aws4_request, SignedHeaders=host, Signature=ab");
 * // ["AWS4-HMAC-SHA256 Credential=AKID/20261129/us-east-1/iot/aws4_request,", "SignedHeaders=host,", "Signature=ab"]
 */
export function authorizationLines(value: string): string[] {
  return value.split(/,\s*/).map((part, i, all) => (i < all.length - 1 ? `${part},` : part));
}
