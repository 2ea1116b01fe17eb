#!/usr/bin/env node
// `pnpm test`: lint, typecheck and every package's tests. Each step runs even when an earlier one failed, and turbo
// keeps going past a failing package, so one run shows every failure; the run ends with a summary of what failed
// and exits 1 if anything did.
import { run, turbo } from "./lib/turbo.mjs";

const failed = [];
const step = async (name, result) => {
  const outcome = await result;
  if (typeof outcome === "number") {
    if (outcome !== 0) failed.push(name);
  } else failed.push(...outcome.failed);
};

await step("ensure Chromium", run("sh", ["scripts/ensure-chromium.sh"]));
await step("pnpm lint", run("pnpm", ["run", "lint"]));
await step("typecheck", turbo(["typecheck"]));
await step("test", turbo(["test"], ["--concurrency=1"]));

if (failed.length > 0) {
  console.error(`\npnpm test: ${failed.length} failed:\n${failed.map((f) => `  - ${f}`).join("\n")}`);
  process.exit(1);
}
console.log("\npnpm test: everything passed");
