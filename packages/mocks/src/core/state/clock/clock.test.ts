import { afterEach, expect, test, vi } from "vitest";
import { FixtureError } from "../../errors.js";
import { createClock } from "./clock.js";

afterEach(() => vi.useRealTimers());

const t0 = Date.parse("2026-11-29T08:00:00Z");

test("a clock started at a time is frozen: only advance and set move it", () => {
  const clock = createClock({ now: "2026-11-29T08:00:00Z" });
  expect(clock.frozen).toBe(true);
  expect(clock.now()).toBe(t0);
  expect(clock.advance(1_500)).toBe(t0 + 1_500);
  expect(clock.set(new Date(t0 + 60_000))).toBe(t0 + 60_000);
  expect(clock.now()).toBe(t0 + 60_000);
});

test("scheduled callbacks run in time order, each seeing its own due time", () => {
  const clock = createClock({ now: t0 });
  const seen: [string, number][] = [];
  clock.schedule(300, () => seen.push(["b", clock.now()]));
  clock.schedule(100, () => seen.push(["a", clock.now()]));
  const cancel = clock.schedule(200, () => seen.push(["never", clock.now()]));
  cancel();
  clock.advance(250);
  expect(seen).toEqual([["a", t0 + 100]]);
  clock.advance(250);
  expect(seen).toEqual([
    ["a", t0 + 100],
    ["b", t0 + 300],
  ]);
  expect(clock.now()).toBe(t0 + 500);
});

test("a callback may schedule another one inside the same advance", () => {
  const clock = createClock({ now: t0 });
  const seen: number[] = [];
  clock.schedule(10, () => {
    seen.push(clock.now());
    clock.schedule(10, () => seen.push(clock.now()));
  });
  clock.advance(100);
  expect(seen).toEqual([t0 + 10, t0 + 20]);
});

test("time never goes back, and bad input names the field", () => {
  const clock = createClock({ now: t0 });
  expect(() => clock.set(t0 - 1)).toThrow(FixtureError);
  expect(() => clock.set(t0 - 1)).toThrow(/to: value .* must not be earlier than the clock/);
  expect(() => clock.advance(-1)).toThrow(
    /ms: value -1 must be a number from 0 to \d+ \(the clock stops at 9999-12-31T23:59:59.999Z\)/,
  );
  expect(() => clock.schedule(Number.NaN, () => {})).toThrow(/delayMs/);
  expect(() => createClock({ now: "yesterday" })).toThrow(/clock.now: value "yesterday" must be a Date/);
  expect(clock.now()).toBe(t0);
});

test("an unfrozen clock follows the system clock (fake timers here) plus what was advanced", () => {
  vi.useFakeTimers();
  vi.setSystemTime(t0);
  const clock = createClock();
  expect(clock.frozen).toBe(false);
  expect(clock.now()).toBe(t0);
  vi.setSystemTime(t0 + 1_000);
  expect(clock.now()).toBe(t0 + 1_000);
  clock.advance(60_000);
  expect(clock.now()).toBe(t0 + 61_000);
  vi.setSystemTime(t0 + 2_000);
  expect(clock.now()).toBe(t0 + 62_000);
});

test("tick runs what became due as system time passed", () => {
  vi.useFakeTimers();
  vi.setSystemTime(t0);
  const clock = createClock();
  let ran = 0;
  clock.schedule(5_000, () => ran++);
  vi.setSystemTime(t0 + 4_999);
  clock.tick();
  expect(ran).toBe(0);
  vi.setSystemTime(t0 + 5_000);
  clock.tick();
  expect(ran).toBe(1);
});

test("the clock never passes 9999-12-31: advance(1e308) is refused naming ms, and reset goes back to the start", () => {
  const clock = createClock({ now: "2026-11-29T08:00:00Z" });
  expect(() => clock.advance(1e308)).toThrow(/^\[@iot-jobs\/mocks\] ms: value 1e\+308 must be a number from 0 to /);
  expect(() => clock.advance(Number.POSITIVE_INFINITY)).toThrow(FixtureError);
  expect(() => clock.advance("60000" as never)).toThrow(/ms: value "60000" must be a number/);
  expect(clock.now()).toBe(t0);
  const last = Date.parse("9999-12-31T23:59:59.999Z");
  expect(clock.advance(last - t0)).toBe(last); // the very last instant is allowed
  expect(() => clock.advance(1)).toThrow(/ms: value 1 must be a number from 0 to 0 /);
  expect(() => createClock({ now: 1e308 })).toThrow(
    /clock.now: value 1e\+308 must be a Date, an ISO 8601 date-time string \(years 1970 to 9999\) or epoch milliseconds from 978307200000 \(2001-01-01\) to 253402300799999/,
  );
  expect(clock.reset!()).toBe(t0);
  expect(clock.now()).toBe(t0);
});

test("an unfrozen clock's reset drops what was advanced and follows the system time again", () => {
  vi.useFakeTimers({ now: t0 });
  const clock = createClock();
  clock.advance(3_600_000);
  expect(clock.now()).toBe(t0 + 3_600_000);
  vi.setSystemTime(t0 + 1_000);
  expect(clock.reset!()).toBe(t0 + 1_000);
});
