import { expect, test } from "vitest";
import { NameColumn } from "./name-column.js";

test("explicit and generated runs interleave; names and rows map both ways", () => {
  const names = new NameColumn();
  names.appendExplicit("sensor-a");
  names.appendGenerated("thing-", 4, 1_000);
  names.appendExplicit("sensor-b");
  names.appendExplicit("sensor-c");
  names.appendGenerated("meter-", 7, 2_000_000);
  expect([0, 1, 1000, 1001, 1002, 1003, 2_001_002].map((s) => names.name(s))).toEqual([
    "sensor-a",
    "thing-0001",
    "thing-1000",
    "sensor-b",
    "sensor-c",
    "meter-0000001",
    "meter-2000000",
  ]);
  for (const seq of [0, 1, 500, 1000, 1001, 1002, 1003, 1_500_000, 2_001_002])
    expect(names.seqOf(names.name(seq))).toBe(seq);
  for (const stranger of [
    "thing-0000",
    "thing-1001",
    "thing-001",
    "thing-00001",
    "thing-abcd",
    "meter-2000001",
    "sensor-d",
    "thing-+001",
  ]) {
    expect(names.seqOf(stranger), stranger).toBeUndefined();
  }
});

test("explicit names added after a lookup are found too", () => {
  const names = new NameColumn();
  names.appendExplicit("a");
  expect(names.seqOf("a")).toBe(0);
  names.appendExplicit("b");
  expect(names.seqOf("b")).toBe(1);
});
