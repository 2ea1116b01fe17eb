// `pnpm start --once`, the main job as a newcomer runs it from the repository root (CI runs it the same way): the
// build through turbo, the demo through the client, the URLs and the snippets, exit 0.
import { expect, test } from "vitest";
import { startCommand } from "./run-start.js";

test("pnpm start --once builds, walks the demo job through the client, prints where everything is, exits 0", async () => {
  const run = startCommand("pnpm", ["start", "--once", "--mock-port", "0", "--docs-port", "0"]);
  const code = await run.exited;
  const text = run.output();
  expect(code, text).toBe(0);
  expect(text).toMatch(/Tasks:\s+\d+ successful, \d+ total/); // turbo built (or replayed) everything
  const mockUrl = /^iot-jobs: the mock {2}(http:\/\/127\.0\.0\.1:\d+)$/m.exec(text)?.[1];
  const docsUrl = /^iot-jobs: the docs {2}(http:\/\/127\.0\.0\.1:\d+\/)$/m.exec(text)?.[1];
  expect(mockUrl && docsUrl, text).toBeTruthy();
  expect(text).toContain(`iot-jobs: the docs  ${docsUrl}`);
  expect(text).toMatch(/\[█{30}\] 5,005\/5,005 executions · 21 pages · \d+ ms\n/);

  const table = text.slice(text.indexOf("  status "), text.indexOf("  total "));
  const rows = [...table.matchAll(/^ {2}([A-Z_]+) +([\d,]+) +[\d.]+ %$/gm)].map((m) => [
    m[1],
    Number(m[2]!.replace(/,/g, "")),
  ]);
  expect(rows.map(([status]) => status)).toEqual(["QUEUED", "IN_PROGRESS", "SUCCEEDED", "FAILED", "TIMED_OUT"]);
  expect(rows.reduce((sum, [, n]) => sum + (n as number), 0)).toBe(5_005);
  // A rollout in progress from the first page: about 200 running (5 start and 5 end a second while pages are read).
  expect(Object.fromEntries(rows).IN_PROGRESS).toBeGreaterThan(150);
  expect(Object.fromEntries(rows).IN_PROGRESS).toBeLessThan(250);
  expect(text).toMatch(/^ {2}total +5,005$/m);
  expect(text).toMatch(
    /slowest to finish:\n +47 min {2}gateway-berlin-01 \(SUCCEEDED\)\n +40 min {2}gateway-oslo-02 \(TIMED_OUT, 1 retry\)/,
  );
  expect(text).toMatch(/running longest:\n +\d+ s {2}sensor-\d{4}\n/);
  expect(text).toMatch(/failed: [\d,]+ \([\d,]+ FAILED, [\d,]+ TIMED_OUT\), the first ones:\n {4}gateway-oslo-02/);

  // The mock is gone when --once ends: no command to paste against it, only how to keep it running.
  expect(text).toMatch(/… and [\d,]+ more: `pnpm start` \(without --once\) keeps the mock running and prints\n/);
  expect(text).not.toContain("Point any AWS SDK or tool at the mock");
  expect(text).not.toContain("AWS_ENDPOINT_URL_IOT=");
  expect(text).not.toMatch(/^\s*(aws|python3|node|curl) /m);
  expect(text.trimEnd().split("\n").slice(-2)).toEqual([
    "iot-jobs: done (--once): the mock and the docs have stopped. To keep them running, with the commands that",
    "point the aws CLI, boto3 or @iot-jobs/client at the mock, run `pnpm start` in a terminal (Ctrl-C stops it).",
  ]);
}, 240_000);
