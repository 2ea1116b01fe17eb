import { expect, test } from "vitest";
import { describeProgress } from "./progress.js";

const listing = { pages: 0, executions: 0, done: false, scanning: false } as const;

test.each([
  ["no listing yet", { listing: undefined, busy: false }, "Choose a job to list its executions."],
  ["the first call under way", { listing, busy: true }, "Listing the first page…"],
  [
    "a first call the client refused (a bad page size) or that failed after its retries",
    { listing: { ...listing, stoppedBy: "error" }, busy: false },
    "No page listed: the call failed (see Response).",
  ],
  ["a first call stopped", { listing: { ...listing, stoppedBy: "reader" }, busy: false }, "No page listed: stopped."],
  [
    "a page, more to come",
    { listing: { ...listing, pages: 1, executions: 25 }, busy: false },
    "1 page · 25 of 43 executions · more pages",
  ],
  [
    "the last page",
    { listing: { ...listing, pages: 2, executions: 43, done: true }, busy: false },
    "2 pages · 43 of 43 executions · end of the list",
  ],
  [
    "a next page under way",
    { listing: { ...listing, pages: 1, executions: 25 }, busy: true },
    "1 page · 25 of 43 executions · listing the next page…",
  ],
  [
    "a scan under way",
    { listing: { ...listing, scanning: true }, busy: true },
    "0 pages · 0 of 43 executions · scanning…",
  ],
  [
    "a next page that failed",
    { listing: { ...listing, pages: 1, executions: 25, stoppedBy: "error" }, busy: false },
    "1 page · 25 of 43 executions · the last call failed (see Response); Next page tries again",
  ],
  [
    "a scan stopped by the reader",
    { listing: { ...listing, pages: 3, executions: 75, stoppedBy: "reader" }, busy: false },
    "3 pages · 75 of 43 executions · stopped; Next page goes on",
  ],
] as const)("%s", (_, given, want) => {
  expect(describeProgress(given.listing, 43, given.busy)).toBe(want);
});
