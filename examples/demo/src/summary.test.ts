import { expect, test } from "vitest";
import { duration, summarize } from "./summary.mjs";
import type { Walk } from "./walk.mjs";

test.each([
  [0, "0 s"],
  [40_000, "40 s"],
  [59_499, "59 s"],
  [60_000, "1 min"],
  [47 * 60_000, "47 min"],
  [65 * 60_000, "1 h 05 min"],
  [25 * 3_600_000, "25 h 00 min"],
])("duration(%i) is %s", (ms, want) => {
  expect(duration(ms)).toBe(want);
});

const walk = (fields: Partial<Walk>): Walk => ({
  counts: new Map(),
  total: 0,
  pages: 0,
  slowest: [],
  longestRunning: [],
  failed: [],
  ...fields,
});

test("statuses come in lifecycle order with their share, then the slowest, the running and the failed", () => {
  const failed = Array.from({ length: 8 }, (_, i) => ({
    thing: `sensor-${i}`,
    status: i < 6 ? "FAILED" : "TIMED_OUT",
    ms: 1,
    retries: i % 3,
  }));
  const lines = summarize(
    "fw-1",
    walk({
      counts: new Map([
        ["SUCCEEDED", 1_990],
        ["FAILED", 6],
        ["QUEUED", 2],
        ["TIMED_OUT", 2],
      ]),
      total: 2_000,
      slowest: [{ thing: "gw-1", status: "TIMED_OUT", ms: 3_900_000, retries: 2 }],
      longestRunning: [{ thing: "sensor-9", status: "IN_PROGRESS", ms: 39_000, retries: 0 }],
      failed,
    }),
  );
  expect(lines).toEqual([
    "",
    "  status        things   share",
    "  QUEUED             2     0.1 %",
    "  SUCCEEDED      1,990    99.5 %",
    "  FAILED             6     0.3 %",
    "  TIMED_OUT          2     0.1 %",
    "  total          2,000",
    "",
    "  slowest to finish:",
    "    1 h 05 min  gw-1 (TIMED_OUT, 2 retries)",
    "",
    "  running longest:",
    "          39 s  sensor-9",
    "",
    "  failed: 8 (6 FAILED, 2 TIMED_OUT), the first ones:",
    "    sensor-0 (FAILED)",
    "    sensor-1 (FAILED, 1 retry)",
    "    sensor-2 (FAILED, 2 retries)",
    "    sensor-3 (FAILED)",
    "    sensor-4 (FAILED, 1 retry)",
    "    sensor-5 (FAILED, 2 retries)",
    "    … and 2 more: `pnpm start` (without --once) keeps the mock running and prints",
    "      the commands that list them",
  ]);
  // With the mock still running: one command per failed status, so every one not named can be listed.
  const serving = summarize(
    "fw-1",
    walk({
      counts: new Map([
        ["FAILED", 6],
        ["TIMED_OUT", 2],
      ]),
      total: 8,
      failed,
    }),
    {
      listCommand: (status) => `list fw-1 --status ${status}`,
    },
  );
  expect(serving.slice(-3)).toEqual([
    "    … and 2 more. List them all, one status at a time (from the repository root):",
    "      list fw-1 --status FAILED",
    "      list fw-1 --status TIMED_OUT",
  ]);
});

test("a job where nothing failed says so", () => {
  const lines = summarize("fw-2", walk({ counts: new Map([["SUCCEEDED", 3]]), total: 3 }));
  expect(lines.at(-1)).toBe("  no execution of fw-2 failed");
});
