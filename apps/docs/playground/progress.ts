// The line above the table of executions: how far the listing got, and why it stopped when it did not reach
// the end. A call that failed (a bad parameter the client refused, or an error after its retries) never claims
// "more pages": it says what happened and what the reader can do next.
import { formatCount } from "./format.js";
import type { Listing } from "./playground.js";

/**
 * The progress line of a listing; `expected` is what the query should list (the mock's count), `busy` whether a
 * call is under way.
 *
 * @example
 * describeProgress({ ...listing, pages: 0, executions: 0, stoppedBy: "error" }, 43, false);
 * // "No page listed: the call failed (see Response)."
 */
export function describeProgress(
  listing: Pick<Listing, "pages" | "executions" | "done" | "scanning" | "stoppedBy"> | undefined,
  expected: number,
  busy: boolean,
): string {
  if (!listing) return "Choose a job to list its executions.";
  const { pages, executions, done, scanning, stoppedBy } = listing;
  if (pages === 0) {
    if (busy && !scanning) return "Listing the first page…";
    if (stoppedBy === "error") return "No page listed: the call failed (see Response).";
    if (stoppedBy === "reader") return "No page listed: stopped.";
  }
  const of = `${formatCount(pages)} ${pages === 1 ? "page" : "pages"} · ${formatCount(executions)} of ${formatCount(expected)} executions`;
  if (scanning) return `${of} · scanning…`;
  if (busy) return `${of} · listing the next page…`;
  if (stoppedBy === "error") return `${of} · the last call failed (see Response); Next page tries again`;
  if (stoppedBy === "reader") return `${of} · stopped; Next page goes on`;
  return `${of} · ${done ? "end of the list" : "more pages"}`;
}
