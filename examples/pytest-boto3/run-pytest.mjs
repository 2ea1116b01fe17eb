#!/usr/bin/env node
// `pnpm test` of this example: runs the pytest suite with python3. Without python3, pytest or boto3 it fails under
// CI=true and skips, saying so, elsewhere (as the repository's other interop suites do).
import { spawnSync } from "node:child_process";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const probe = spawnSync("python3", ["-c", "import boto3, pytest"], { stdio: "ignore" });
if (probe.status !== 0) {
  const message = "python3 with pytest and boto3 not found (pip install pytest boto3)";
  if (process.env.CI === "true") {
    process.stderr.write(`[example-pytest-boto3] ${message}: required when CI=true\n`);
    process.exit(1);
  }
  process.stderr.write(`[example-pytest-boto3] ${message}: the pytest suite is SKIPPED (CI=true makes this fail)\n`);
  process.exit(0);
}
// No .pytest_cache or __pycache__ in the working tree; the machine's AWS config and keys must not leak in.
const env = {
  ...process.env,
  PYTHONDONTWRITEBYTECODE: "1",
  AWS_CONFIG_FILE: "/dev/null",
  AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
};
const run = spawnSync("python3", ["-m", "pytest", "-q", "-p", "no:cacheprovider", ...process.argv.slice(2)], {
  cwd: here,
  env,
  stdio: "inherit",
});
process.exit(run.status ?? 1);
