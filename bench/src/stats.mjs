// Order statistics and ratios of the suite. Every figure in BENCHMARKS.md comes through these functions, so that
// the arithmetic is tested once (src/stats.test.mjs) instead of trusted in every section.

/**
 * The q-quantile of `values` (0 ≤ q ≤ 1), linear interpolation between closest ranks (R-7, numpy's default).
 *
 * @param {readonly number[]} values
 * @param {number} q
 * @returns {number}
 * @example quantile([1, 2, 3, 4], 0.5) // 2.5
 */
export function quantile(values, q) {
  if (values.length === 0) throw new RangeError("quantile: values must not be empty");
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile: q ${q} must be within 0..1`);
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  const [a, b] = [/** @type {number} */ (sorted[low]), /** @type {number} */ (sorted[high])];
  return a + (b - a) * (position - low);
}

/**
 * @param {readonly number[]} values
 * @example median([3, 1, 2]) // 2
 */
export const median = (values) => quantile(values, 0.5);

/**
 * @typedef {{ n: number, median: number, p25: number, p75: number, iqr: number, min: number, max: number }} Summary
 */

/**
 * Median and spread of a sample: p25, p75, their difference (IQR), min and max.
 *
 * @param {readonly number[]} values
 * @returns {Summary}
 * @example summarize([1, 2, 3, 4, 5]).iqr // 2
 */
export function summarize(values) {
  const p25 = quantile(values, 0.25);
  const p75 = quantile(values, 0.75);
  return {
    n: values.length,
    median: quantile(values, 0.5),
    p25,
    p75,
    iqr: p75 - p25,
    min: Math.min(...values),
    max: Math.max(...values),
  };
}

/**
 * `a / b`, or null when either side is missing or b is 0: a section that did not run gives no ratio, never NaN.
 *
 * @param {number | null | undefined} a
 * @param {number | null | undefined} b
 * @returns {number | null}
 * @example ratio(6, 3) // 2
 */
export function ratio(a, b) {
  if (a == null || b == null || b === 0 || !Number.isFinite(a) || !Number.isFinite(b)) return null;
  return a / b;
}

/**
 * Rounds to `digits` significant digits for the results file (measurement noise is far above that).
 *
 * @param {number} value
 * @param {number} [digits]
 * @example round(1234.5678) // 1234.6
 */
export function round(value, digits = 5) {
  return value === 0 || !Number.isFinite(value) ? value : Number(value.toPrecision(digits));
}

/**
 * A summary with every number rounded by {@link round}.
 *
 * @param {Summary} summary
 * @returns {Summary}
 */
export function roundSummary(summary) {
  return /** @type {Summary} */ (Object.fromEntries(Object.entries(summary).map(([k, v]) => [k, round(v)])));
}
