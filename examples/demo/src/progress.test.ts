import { expect, test } from "vitest";
import { createProgress } from "./progress.mjs";

const sink = (isTTY: boolean) => {
  const writes: string[] = [];
  return { writes, out: { isTTY, write: (text: string) => writes.push(text) } };
};

test("not on a terminal: a line at each quarter passed, then the total", () => {
  const { writes, out } = sink(false);
  const progress = createProgress(1_000, out);
  for (let seen = 250, page = 1; seen <= 1_000; seen += 250, page++) progress.update(seen, page);
  progress.done(1_000, 4, 12.4);
  expect(writes).toEqual([
    `  [${"█".repeat(8)}${"░".repeat(22)}] 250/1,000 executions · 1 page\n`,
    `  [${"█".repeat(15)}${"░".repeat(15)}] 500/1,000 executions · 2 pages\n`,
    `  [${"█".repeat(23)}${"░".repeat(7)}] 750/1,000 executions · 3 pages\n`,
    `  [${"█".repeat(30)}] 1,000/1,000 executions · 4 pages · 12 ms\n`,
  ]);
});

test("on a terminal: the bar is redrawn in place on every page", () => {
  const { writes, out } = sink(true);
  const progress = createProgress(500, out);
  progress.update(100, 1);
  progress.update(200, 2);
  progress.done(500, 5, 3);
  expect(writes).toHaveLength(3);
  expect(writes.every((w) => w.startsWith("\r"))).toBe(true);
  expect(writes[2]).toMatch(/\] 500\/500 executions · 5 pages · 3 ms\n$/);
});

test("without a total: counts only", () => {
  const { writes, out } = sink(false);
  const progress = createProgress(0, out);
  progress.update(250, 1);
  progress.done(250, 1, 1);
  expect(writes).toEqual(["  250 executions · 1 page · 1 ms\n"]);
});
