import { afterEach, expect, test, vi } from "vitest";
import { correctClock } from "./clock.js";

const NOW = Date.UTC(2026, 10, 29, 8, 0, 0);
const withDate = (date?: string) => new Response(null, { status: 403, headers: date ? { date } : {} });
const skew = { code: "InvalidSignatureException", message: "Signature expired" };

afterEach(() => {
  vi.useRealTimers();
});

test("a Date 4 minutes or more away is adopted as the offset; after a skew error that asks for a retry", () => {
  vi.useFakeTimers({ toFake: ["Date"], now: NOW });
  const clock = { offset: -20 * 60_000 };
  expect(correctClock(clock, withDate(new Date(NOW).toUTCString()), skew)).toBe(true);
  expect(clock.offset).toBe(0);
  // Already corrected: nothing changes, so no second retry.
  expect(correctClock(clock, withDate(new Date(NOW + 1_000).toUTCString()), skew)).toBe(false);
  expect(clock.offset).toBe(0);
});

test("a skew under 4 minutes is left alone (the Date header has a resolution of one second)", () => {
  vi.useFakeTimers({ toFake: ["Date"], now: NOW });
  const clock = { offset: 0 };
  expect(correctClock(clock, withDate(new Date(NOW + 239_000).toUTCString()), skew)).toBe(false);
  expect(clock.offset).toBe(0);
});

test("a success or another error corrects the offset but asks for no retry", () => {
  vi.useFakeTimers({ toFake: ["Date"], now: NOW });
  const clock = { offset: 0 };
  expect(correctClock(clock, withDate(new Date(NOW + 3_600_000).toUTCString()))).toBe(false);
  expect(clock.offset).toBe(3_600_000);
  expect(
    correctClock(clock, withDate(new Date(NOW).toUTCString()), { code: "AccessDeniedException", message: "no" }),
  ).toBe(false);
  expect(clock.offset).toBe(0);
});

test("without a readable Date (CORS), the server's time comes from AWS's skew message", () => {
  vi.useFakeTimers({ toFake: ["Date"], now: NOW });
  const clock = { offset: 1_200_000 };
  const message =
    "Signature not yet current: 20261129T082000Z is still later than 20261129T080500Z (20261129T080000Z + 5 min.)";
  expect(correctClock(clock, withDate(), { code: "InvalidSignatureException", message })).toBe(true);
  expect(clock.offset).toBe(0);
});

test.each(["RequestTimeTooSkewed", "RequestExpired", "RequestInTheFuture", "SignatureDoesNotMatch", "AuthFailure"])(
  "%s is a clock skew error too (the SDKs' list)",
  (code) => {
    vi.useFakeTimers({ toFake: ["Date"], now: NOW });
    expect(correctClock({ offset: 600_000 }, withDate(new Date(NOW).toUTCString()), { code, message: "" })).toBe(true);
  },
);

test("no Date and no time in the message: nothing changes", () => {
  const clock = { offset: 5 };
  expect(correctClock(clock, withDate(), skew)).toBe(false);
  expect(correctClock(clock, withDate("not a date"), skew)).toBe(false);
  expect(clock.offset).toBe(5);
});
