import { expect, test } from "vitest";
import { nextVersion } from "./changesets.js";

test.each([
  ["0.0.0", ["minor", "patch"], "0.1.0"],
  ["0.1.0", ["patch"], "0.1.1"],
  ["0.1.3", ["patch", "patch"], "0.1.4"],
  ["1.2.3", ["minor"], "1.3.0"],
  ["1.2.3", ["patch", "major", "minor"], "2.0.0"],
] as const)("%s with %j becomes %s", (version, bumps, want) => {
  expect(nextVersion(version, bumps)).toBe(want);
});
