// Number formatting of the report: one place, so that every table reads the same way.

/**
 * An integer with thousands separators, or "—" when missing.
 *
 * @param {number | null | undefined} n
 * @example int(84387) // "84,387"
 */
export const int = (n) => (n == null || !Number.isFinite(n) ? "—" : Math.round(n).toLocaleString("en-US"));

/**
 * A number with `digits` decimals, or "—".
 *
 * @param {number | null | undefined} n
 * @param {number} [digits]
 * @example fixed(3.14159, 2) // "3.14"
 */
export const fixed = (n, digits = 2) => (n == null || !Number.isFinite(n) ? "—" : n.toFixed(digits));

/**
 * A ratio as "×1.23", or "—".
 *
 * @param {number | null | undefined} n
 * @example times(12.2354) // "×12.24"
 */
export const times = (n) => (n == null || !Number.isFinite(n) ? "—" : `×${n.toFixed(2)}`);

/**
 * Microseconds as milliseconds with two decimals.
 *
 * @param {number | null | undefined} us
 * @example ms(1764.2) // "1.76"
 */
export const ms = (us) => fixed(us == null ? us : us / 1000, 2);

/**
 * "median (p25–p75)" of a summary, each value mapped by `f`.
 *
 * @param {{ median: number, p25: number, p75: number } | undefined} s
 * @param {(n: number) => string} f
 * @example spread({ median: 2, p25: 1, p75: 3 }, String) // "2 (1–3)"
 */
export const spread = (s, f) => (s ? `${f(s.median)} (${f(s.p25)}–${f(s.p75)})` : "—");

/**
 * A Markdown table.
 *
 * @param {string[]} head
 * @param {string[][]} rows
 * @example table(["a", "b"], [["1", "2"]])
 */
export function table(head, rows) {
  const line = (/** @type {string[]} */ cells) => `| ${cells.join(" | ")} |`;
  return [line(head), line(head.map(() => "---")), ...rows.map(line)].join("\n");
}
