#!/usr/bin/env node
// `pnpm test:clock`: the date- and time-sensitive suites (each package's `test:clock`: browser e2e, interop,
// contract, the main job) again under clocks shifted far from today, in a time zone with a fractional offset.
// A test that only passes on the day it was written, or in UTC, fails here. libfaketime shifts the clock for
// Node, Python (boto3, moto) and Chromium alike; installs stay out of it (see examples/pack-test/src/npm.ts).
//
//   pnpm test:clock                       both shifts below
//   pnpm test:clock -- '+400 days'        one shift (any offset faketime takes: '-365 days', '+20m', ...)
import { spawnSync } from "node:child_process";
import { run, turbo } from "./lib/turbo.mjs";

const shifts = process.argv.slice(2).filter((a) => a !== "--");
const clocks = shifts.length > 0 ? shifts : ["+400 days", "-365 days"];
const timeZone = process.env.IOT_JOBS_CLOCK_TZ ?? "Asia/Kathmandu"; // UTC+05:45

await run("sh", ["scripts/ensure-faketime.sh"]);
if (spawnSync("faketime", ["-f", "+0", "true"]).status !== 0) {
  const message = "faketime is missing: install Debian's faketime package to run the suites under a shifted clock.";
  if (process.env.CI === "true") {
    console.error(`test:clock: ${message}`);
    process.exit(1);
  }
  console.warn(`test:clock: skipped: ${message} (with CI=true it fails instead)`);
  process.exit(0);
}

const failed = [];
for (const clock of clocks) {
  console.log(`\ntest:clock: the system clock shifted by ${clock}, TZ=${timeZone}`);
  // The build runs on the real clock (a cache hit after `pnpm test`); only the suites see the shifted one.
  const built = await turbo(["build"], ["--output-logs=errors-only"]);
  if (built.code !== 0) {
    failed.push(...built.failed);
    break;
  }
  const { failed: shifted } = await turbo(["test:clock"], ["--concurrency=1", "--only"], {
    env: { TZ: timeZone },
    wrapper: ["faketime", clock],
  });
  failed.push(...shifted.map((task) => `${task} (clock ${clock}, TZ=${timeZone})`));
}

if (failed.length > 0) {
  console.error(`\npnpm test:clock: ${failed.length} failed:\n${failed.map((f) => `  - ${f}`).join("\n")}`);
  process.exit(1);
}
console.log(`\npnpm test:clock: every clock-sensitive suite passed at ${clocks.join(" and ")}, TZ=${timeZone}`);
