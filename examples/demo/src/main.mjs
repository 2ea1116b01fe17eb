#!/usr/bin/env node
// @ts-check
// `pnpm start`: build everything, then the demo (./run.mjs). See `pnpm start --help`.
import { buildAll } from "./build.mjs";
import { readOptions, usage } from "./options.mjs";

const ci = Boolean(process.env.CI) && process.env.CI !== "false" && process.env.CI !== "0";
let options;
try {
  options = readOptions(process.argv.slice(2), { isTTY: Boolean(process.stdout.isTTY), ci });
} catch (error) {
  console.error(`start: ${/** @type {Error} */ (error).message}\n\n${usage}`);
  process.exit(2);
}
if (options.help) {
  console.log(usage);
  process.exit(0);
}

try {
  if (options.build) {
    console.log("iot-jobs: building everything with turbo (generate, client, mocks, docs; cached after the first run)");
    await buildAll();
  }
  // Imported after the build: run.mjs loads the packages' dist, which a fresh clone does not have yet.
  const { run } = await import("./run.mjs");
  await run(options, process.stdout);
  process.exit(0);
} catch (error) {
  console.error(`start: ${/** @type {Error} */ (error).message}`);
  process.exit(1);
}
