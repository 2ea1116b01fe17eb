#!/usr/bin/env node
// The `iot-jobs-mock` command: a small committed file that loads the build. Package managers link bins at install
// time, before a workspace has built `dist/`; pointing the bin here (not into dist) keeps that link valid.
import("../dist/cli.js").catch((error) => {
  if (error?.code === "ERR_MODULE_NOT_FOUND" && String(error.message).includes("/dist/cli.js'")) {
    process.stderr.write(
      "iot-jobs-mock: @iot-jobs/mocks is not built (dist/cli.js is missing): run `pnpm --filter @iot-jobs/mocks run build`\n",
    );
    process.exit(1);
  }
  throw error;
});
