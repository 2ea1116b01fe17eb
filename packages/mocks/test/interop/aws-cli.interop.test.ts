import { spawnSync } from "node:child_process";
import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import { type MockServer, startMockServer } from "../../src/node/index.js";
import { runPeer } from "./run-peer.js";

// The aws CLI (v1, botocore underneath) against the standalone server: full pagination, the status filter, each
// modeled error by its code in stderr and its exit status, throttling and 503s retried. A missing CLI fails under
// CI=true and is skipped, loudly, elsewhere.
const ci = process.env.CI === "true";
const hasAwsCli = spawnSync("aws", ["--version"], { stdio: "ignore" }).status === 0;
if (!hasAwsCli && !ci)
  console.warn("[@iot-jobs/mocks] the aws CLI not found: its interop tests are skipped (CI=true makes them fail)");

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer({ seed: { scenarios: [{ name: "largeFleet", jobId: "fleet", count: 1_200 }] } });
});
afterEach(() => server.mock.faults.clear());
afterAll(() => server.close());

const cliEnv = {
  ...process.env,
  AWS_ACCESS_KEY_ID: "AKIAIOSFODNN7EXAMPLE",
  AWS_SECRET_ACCESS_KEY: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
  AWS_DEFAULT_REGION: "us-east-1",
  AWS_CONFIG_FILE: "/dev/null",
  AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
};
const cli = (args: string[], env: NodeJS.ProcessEnv = cliEnv) =>
  runPeer(
    "aws",
    ["iot", "list-job-executions-for-job", "--endpoint-url", server.url, "--output", "json", ...args],
    env,
  );

/** The statuses the mock answered for one job, in order. */
const statusesOf = (jobId: string) => server.mock.history.filter((r) => r.jobId === jobId).map((r) => r.status);
const code = (stderr: string) => /An error occurred \((\w+)\)/.exec(stderr)?.[1];

// Each CLI run costs a Python start-up and, when retrying, real backoff: the runs of a test go side by side, on
// jobs of their own where faults are involved (faults scoped by job).
test.runIf(hasAwsCli || ci)(
  "the aws CLI pages through with --endpoint-url, filters, and reports a modeled error",
  async () => {
    expect(hasAwsCli, "the aws CLI is required in CI").toBe(true);
    const [all, filtered, missing] = await Promise.all([
      cli(["--job-id", "fleet", "--page-size", "100"]),
      cli(["--job-id", "fleet", "--status", "TIMED_OUT", "--page-size", "10"]),
      cli(["--job-id", "no-such-job"]),
    ]);
    expect(all.status, all.stderr).toBe(0);
    const arns = (JSON.parse(all.stdout).executionSummaries as { thingArn: string }[]).map((e) => e.thingArn);
    expect(arns).toEqual(
      server.mock.store
        .job("fleet")!
        .list()
        .map((e) => e.thingArn),
    );
    // It followed every token: 12 pages of 100 without a filter.
    expect(server.mock.history.filter((r) => r.jobId === "fleet" && !r.url.includes("status="))).toHaveLength(12);
    const timedOut = JSON.parse(filtered.stdout).executionSummaries as { jobExecutionSummary: { status: string } }[];
    expect(timedOut).toHaveLength(server.mock.store.job("fleet")!.counts().TIMED_OUT);
    expect(new Set(timedOut.map((e) => e.jobExecutionSummary.status))).toEqual(new Set(["TIMED_OUT"]));
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain(
      "An error occurred (ResourceNotFoundException) when calling the ListJobExecutionsForJob operation: Job no-such-job does not exist.",
    );
  },
);

test.runIf(hasAwsCli || ci)(
  "the aws CLI reports each modeled error by its code, exits 255, and retries throttling",
  async () => {
    expect(hasAwsCli, "the aws CLI is required in CI").toBe(true);
    for (const jobId of ["cli-retried", "cli-throttled", "cli-unavailable"]) {
      server.mock.store.createJob({ jobId, fleet: { count: 10 } });
    }
    // The CLI's default (legacy) retry mode retries throttling until it clears.
    server.mock.faults.inject({ type: "throttling" }, { times: 2, jobId: "cli-retried" });
    // Standard mode with 3 attempts (legacy makes 5, with a longer backoff): it gives up with the code.
    server.mock.faults.inject({ type: "throttling" }, { jobId: "cli-throttled" });
    server.mock.faults.inject({ type: "unavailable" }, { jobId: "cli-unavailable" });
    const standard = { ...cliEnv, AWS_RETRY_MODE: "standard", AWS_MAX_ATTEMPTS: "3" };
    const [invalid, badToken, missing, retried, throttled, unavailable] = await Promise.all([
      cli(["--job-id", "fleet", "--max-results", "300"]),
      cli(["--job-id", "fleet", "--starting-token", "forged"]),
      cli(["--job-id", "no-such-job"]),
      cli(["--job-id", "cli-retried", "--max-items", "5"]),
      cli(["--job-id", "cli-throttled"], standard),
      cli(["--job-id", "cli-unavailable"], standard),
    ]);
    expect([invalid.status, code(invalid.stderr)]).toEqual([255, "InvalidRequestException"]);
    expect(invalid.stderr).toContain("Value '300' at 'maxResults' failed to satisfy constraint");
    expect([badToken.status, code(badToken.stderr)]).toEqual([255, "InvalidRequestException"]);
    expect(badToken.stderr).toContain("The nextToken is not valid for this request.");
    expect([missing.status, code(missing.stderr)]).toEqual([255, "ResourceNotFoundException"]);
    expect(retried.status, retried.stderr).toBe(0);
    expect(statusesOf("cli-retried")).toEqual([400, 400, 200]);
    for (const [failed, jobId, name, status] of [
      [throttled, "cli-throttled", "ThrottlingException", 400],
      [unavailable, "cli-unavailable", "ServiceUnavailableException", 503],
    ] as const) {
      expect([failed.status, code(failed.stderr)]).toEqual([255, name]);
      expect(failed.stderr).toContain("(reached max retries: 2)");
      expect(statusesOf(jobId)).toEqual([status, status, status]);
    }
  },
);
