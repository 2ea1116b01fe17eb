/**
 * A client's clock correction: milliseconds to add to `Date.now()` to get the service's time (the SDKs'
 * `systemClockOffset`). One per client, shared by its calls.
 */
export interface Clock {
  offset: number;
}

/** The error types the SDKs treat as a skewed clock (smithy `CLOCK_SKEW_ERROR_CODES`, without AccessDenied). */
const SKEW_ERRORS =
  /^(InvalidSignatureException|RequestTimeTooSkewed|RequestExpired|RequestInTheFuture|SignatureDoesNotMatch|AuthFailure)$/;

/**
 * Adopts the server's time when the client's corrected clock is 4 minutes or more away from it, as the AWS SDKs do
 * (`isClockSkewed`, `getUpdatedSystemClockOffset`): the time comes from the response's `Date` header, else, for a
 * browser that CORS does not let read it, from AWS's own skew message ("Signature expired: ... (20261206T230500Z -
 * 5 min.)" names the server's time). Returns `true` when the offset changed after a clock skew error: the
 * request is worth retrying at once with a fresh signature.
 */
export function correctClock(clock: Clock, response: Response, error?: { code?: string; message: string }): boolean {
  let server = Date.parse(response.headers.get("date") as string);
  const named = error && /\((\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z [-+]/.exec(error.message);
  if (Number.isNaN(server) && named) {
    const [, y, mo, d, h, mi, s] = named.map(Number) as number[];
    server = Date.UTC(y!, mo! - 1, d, h, mi, s);
  }
  const now = Date.now();
  // NaN (no usable time) compares false: the offset stays.
  if (!(Math.abs(now + clock.offset - server) >= 240_000)) return false;
  clock.offset = server - now;
  return SKEW_ERRORS.test(error?.code as string);
}
