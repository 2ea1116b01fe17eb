// @ts-check
// The progress indicator of the walk: a bar redrawn in place on a terminal, a line per quarter elsewhere.

const width = 30;

/**
 * A progress indicator of `total` items.
 * @param {number} total the number of items expected (0 when unknown: no bar, counts only)
 * @param {{ write(text: string): unknown, isTTY?: boolean }} out where to draw (process.stdout)
 * @returns {{ update(seen: number, pages: number): void, done(seen: number, pages: number, ms: number): void }}
 * @example
 * const progress = createProgress(5_000, process.stdout);
 * progress.update(250, 1);
 * progress.done(5_000, 20, 180);
 */
export function createProgress(total, out) {
  let reported = 0; // quarters printed (not a terminal)
  const line = (/** @type {number} */ seen, /** @type {number} */ pages) => {
    const share = total > 0 ? Math.min(1, seen / total) : 0;
    const filled = Math.round(share * width);
    const bar = total > 0 ? `[${"█".repeat(filled)}${"░".repeat(width - filled)}] ` : "";
    const of = total > 0 ? `/${total.toLocaleString("en-US")}` : "";
    return `  ${bar}${seen.toLocaleString("en-US")}${of} executions · ${pages} page${pages === 1 ? "" : "s"}`;
  };
  return {
    update(seen, pages) {
      if (out.isTTY) out.write(`\r${line(seen, pages)}`);
      else if (total > 0 && seen < total && Math.floor((seen / total) * 4) > reported) {
        reported = Math.floor((seen / total) * 4);
        out.write(`${line(seen, pages)}\n`);
      }
    },
    done(seen, pages, ms) {
      out.write(`${out.isTTY ? "\r" : ""}${line(seen, pages)} · ${Math.round(ms)} ms\n`);
    },
  };
}
