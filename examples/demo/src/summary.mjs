// @ts-check
// The walk's summary as text: the executions per status, the slowest, the longest running and the failed ones.

/** The lifecycle order of the statuses (from the spec's enum), for a table that reads like a rollout. */
const order = ["QUEUED", "IN_PROGRESS", "SUCCEEDED", "FAILED", "TIMED_OUT", "REJECTED", "REMOVED", "CANCELED"];
const shown = 6; // failed things named before "… and N more"

/**
 * A duration for people: "45 s", "12 min", "1 h 05 min".
 * @param {number} ms
 * @example
 * duration(3_900_000); // "1 h 05 min"
 */
export function duration(ms) {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const min = Math.floor(s / 60);
  return min < 60 ? `${min} min` : `${Math.floor(min / 60)} h ${String(min % 60).padStart(2, "0")} min`;
}

/** @param {import("./walk.mjs").Seen} e */
const describe = (e) =>
  `${e.thing} (${e.status}${e.retries ? `, ${e.retries} ${e.retries === 1 ? "retry" : "retries"}` : ""})`;

/**
 * The summary lines of a walk through `jobId`. With `listCommand` (the mock keeps running), the failed ones not
 * named get the commands that list them, one per status; without it, how to get those commands.
 * @param {string} jobId
 * @param {import("./walk.mjs").Walk} walk
 * @param {{ listCommand?: (status: string) => string }} [options]
 * @returns {string[]}
 * @example
 * console.log(summarize("firmware-2026-11", walk, { listCommand: (status) => `list --status ${status}` }).join("\n"));
 */
export function summarize(jobId, walk, { listCommand } = {}) {
  const statuses = [...walk.counts.keys()].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  const lines = ["", `  ${"status".padEnd(12)} ${"things".padStart(7)}   share`];
  for (const status of statuses) {
    const n = walk.counts.get(status) ?? 0;
    const share = ((n / walk.total) * 100).toFixed(1).padStart(5);
    lines.push(`  ${status.padEnd(12)} ${n.toLocaleString("en-US").padStart(7)}   ${share} %`);
  }
  lines.push(`  ${"total".padEnd(12)} ${walk.total.toLocaleString("en-US").padStart(7)}`);
  if (walk.slowest.length > 0) {
    lines.push("", "  slowest to finish:");
    for (const e of walk.slowest) lines.push(`    ${duration(e.ms).padStart(10)}  ${describe(e)}`);
  }
  if (walk.longestRunning.length > 0) {
    lines.push("", "  running longest:");
    for (const e of walk.longestRunning) lines.push(`    ${duration(e.ms).padStart(10)}  ${e.thing}`);
  }
  if (walk.failed.length > 0) {
    const kinds = statuses.filter((st) => walk.failed.some((e) => e.status === st));
    const byKind = kinds.map(
      (st) => `${walk.failed.filter((e) => e.status === st).length.toLocaleString("en-US")} ${st}`,
    );
    lines.push("", `  failed: ${walk.failed.length.toLocaleString("en-US")} (${byKind.join(", ")}), the first ones:`);
    for (const e of walk.failed.slice(0, shown)) lines.push(`    ${describe(e)}`);
    const more = walk.failed.length - shown;
    if (more > 0 && listCommand) {
      lines.push(
        `    … and ${more.toLocaleString("en-US")} more. List them all, one status at a time (from the repository root):`,
      );
      for (const kind of kinds) lines.push(`      ${listCommand(kind)}`);
    } else if (more > 0) {
      lines.push(
        `    … and ${more.toLocaleString("en-US")} more: \`pnpm start\` (without --once) keeps the mock running and prints`,
        "      the commands that list them",
      );
    }
  } else lines.push("", `  no execution of ${jobId} failed`);
  return lines;
}
