import { expect, test } from "vitest";
import { median, quantile, ratio, round, summarize } from "./stats.mjs";

test.each(
  /** @type {[string, { values: number[], q: number, want: number }][]} */ ([
    ["one value", { values: [7], q: 0.5, want: 7 }],
    ["odd count, median", { values: [3, 1, 2], q: 0.5, want: 2 }],
    ["even count, median interpolates", { values: [1, 2, 3, 4], q: 0.5, want: 2.5 }],
    ["p25 interpolates (R-7)", { values: [1, 2, 3, 4, 5], q: 0.25, want: 2 }],
    ["p75 between ranks", { values: [10, 20, 30, 40], q: 0.75, want: 32.5 }],
    ["minimum", { values: [5, -1, 3], q: 0, want: -1 }],
    ["maximum", { values: [5, -1, 3], q: 1, want: 5 }],
  ]),
)("quantile: %s", (_, { values, q, want }) => {
  expect(quantile(values, q)).toBeCloseTo(want, 12);
});

test("quantile does not reorder its input", () => {
  const values = [3, 1, 2];
  median(values);
  expect(values).toEqual([3, 1, 2]);
});

test("quantile refuses an empty sample and a q outside 0..1, naming the value", () => {
  expect(() => quantile([], 0.5)).toThrow(/must not be empty/);
  expect(() => quantile([1], 1.5)).toThrow(/q 1.5 must be within 0..1/);
});

test("summarize gives median, quartiles, IQR and extremes", () => {
  expect(summarize([1, 2, 3, 4, 5, 6, 7, 8, 9])).toEqual({ n: 9, median: 5, p25: 3, p75: 7, iqr: 4, min: 1, max: 9 });
});

test.each(
  /** @type {[string, { a: number | null | undefined, b: number | null | undefined, want: number | null }][]} */ ([
    ["a quotient", { a: 6, b: 3, want: 2 }],
    ["a fraction", { a: 1, b: 4, want: 0.25 }],
    ["a missing side", { a: undefined, b: 3, want: null }],
    ["a null side", { a: 3, b: null, want: null }],
    ["a zero divisor", { a: 3, b: 0, want: null }],
    ["a NaN", { a: Number.NaN, b: 2, want: null }],
  ]),
)("ratio: %s", (_, { a, b, want }) => {
  expect(ratio(a, b)).toBe(want);
});

test("round keeps significant digits, and zero and non-finite values as they are", () => {
  expect(round(1234.5678)).toBe(1234.6);
  expect(round(0.000123456, 3)).toBe(0.000123);
  expect(round(0)).toBe(0);
  expect(round(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
});
