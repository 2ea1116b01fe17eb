import { spawn, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, test } from "vitest";
import { type MockServer, startMockServer } from "../../src/node/index.js";

// boto3 and the aws CLI (v1) against the standalone server. A missing peer fails under CI=true and is skipped,
// loudly, elsewhere.
const ci = process.env.CI === "true";
const hasBoto3 = spawnSync("python3", ["-c", "import boto3"], { stdio: "ignore" }).status === 0;
const hasAwsCli = spawnSync("aws", ["--version"], { stdio: "ignore" }).status === 0;
for (const [peer, present] of [
  ["python3 with boto3", hasBoto3],
  ["the aws CLI", hasAwsCli],
] as const) {
  if (!present && !ci)
    console.warn(`[@iot-jobs/mocks] ${peer} not found: its interop test is skipped (CI=true makes it fail)`);
}

/** Runs a peer without blocking the event loop: the server answering it lives in this process. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c) => (stdout += c));
    child.stderr.on("data", (c) => (stderr += c));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer({ seed: { scenarios: [{ name: "largeFleet", jobId: "fleet", count: 1_200 }] } });
});
afterAll(() => server.close());

test.runIf(hasBoto3 || ci)(
  "boto3 paginates, filters, retries throttling and raises each modeled error class",
  async () => {
    expect(hasBoto3, "python3 with boto3 is required in CI").toBe(true);
    const script = fileURLToPath(new URL("boto3_client.py", import.meta.url));
    const python = await run("python3", [script, server.url, "fleet"], {
      ...process.env,
      AWS_CONFIG_FILE: "/dev/null",
    });
    expect(python.status, python.stderr).toBe(0);
    const seen = JSON.parse(python.stdout);
    const job = server.mock.store.job("fleet")!;
    expect(seen).toMatchObject({
      pages: 5,
      executions: 1_200,
      unique: 1_200,
      failedPages: Math.ceil(job.counts().FAILED / 25),
      failed: job.counts().FAILED,
      failedStatuses: ["FAILED"],
      queuedAtType: "datetime",
      requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      retriedAttempts: 2,
      recoveredAttempts: 1,
      throttled: { class: "ThrottlingException", attempts: 3, status: 400 },
      unavailable: { class: "ServiceUnavailableException", attempts: 3, status: 503 },
      notFound: { class: "ResourceNotFoundException", message: "Job no-such-job does not exist.", status: 404 },
      invalid: {
        class: "InvalidRequestException",
        status: 400,
        message:
          "1 validation error detected: Value '300' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 250",
      },
      badToken: { class: "InvalidRequestException", message: "The nextToken is not valid for this request." },
    });
    expect(job.counts().FAILED).toBeGreaterThan(25); // the filtered scan spans several pages
    server.mock.faults.clear();
  },
);

test.runIf(hasBoto3 || ci)(
  "botocore's SigV4 verifies under strict auth; a wrong secret and no signature get AWS's 403s",
  async () => {
    expect(hasBoto3, "python3 with boto3 is required in CI").toBe(true);
    const strict = await startMockServer({ strictAuth: true });
    try {
      strict.mock.store.createJob({ jobId: "fw-1", fleet: { count: 3 } });
      const script = fileURLToPath(new URL("boto3_strict.py", import.meta.url));
      const python = await run("python3", [script, strict.url], { ...process.env, AWS_CONFIG_FILE: "/dev/null" });
      expect(python.status, python.stderr).toBe(0);
      expect(JSON.parse(python.stdout)).toEqual({
        signed: [1, 1],
        wrongSecret: ["InvalidSignatureException", 403],
        unsigned: ["MissingAuthenticationTokenException", 403],
      });
    } finally {
      await strict.close();
    }
  },
);

const cliEnv = {
  ...process.env,
  AWS_ACCESS_KEY_ID: "AKIAIOSFODNN7EXAMPLE",
  AWS_SECRET_ACCESS_KEY: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
  AWS_DEFAULT_REGION: "us-east-1",
  AWS_CONFIG_FILE: "/dev/null",
  AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
};
const cli = (args: string[], env: NodeJS.ProcessEnv = cliEnv) =>
  run("aws", ["iot", "list-job-executions-for-job", "--endpoint-url", server.url, "--output", "json", ...args], env);

test.runIf(hasAwsCli || ci)(
  "the aws CLI pages through with --endpoint-url, filters, and reports a modeled error",
  async () => {
    expect(hasAwsCli, "the aws CLI is required in CI").toBe(true);
    const before = server.mock.history.length;
    const all = await cli(["--job-id", "fleet", "--page-size", "100"]);
    expect(all.status, all.stderr).toBe(0);
    const arns = (JSON.parse(all.stdout).executionSummaries as { thingArn: string }[]).map((e) => e.thingArn);
    expect(arns).toHaveLength(1_200);
    expect(new Set(arns).size).toBe(1_200);
    expect(server.mock.history.length - before).toBe(12); // it followed every token
    const filtered = await cli(["--job-id", "fleet", "--status", "TIMED_OUT", "--page-size", "10"]);
    const timedOut = JSON.parse(filtered.stdout).executionSummaries as { jobExecutionSummary: { status: string } }[];
    expect(timedOut).toHaveLength(server.mock.store.job("fleet")!.counts().TIMED_OUT);
    expect(new Set(timedOut.map((e) => e.jobExecutionSummary.status))).toEqual(new Set(["TIMED_OUT"]));
    const missing = await cli(["--job-id", "no-such-job"]);
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
    const code = (stderr: string) => /An error occurred \((\w+)\)/.exec(stderr)?.[1];
    const invalid = await cli(["--job-id", "fleet", "--max-results", "300"]);
    expect([invalid.status, code(invalid.stderr)]).toEqual([255, "InvalidRequestException"]);
    expect(invalid.stderr).toContain("Value '300' at 'maxResults' failed to satisfy constraint");
    const badToken = await cli(["--job-id", "fleet", "--starting-token", "forged"]);
    expect([badToken.status, code(badToken.stderr)]).toEqual([255, "InvalidRequestException"]);
    expect(badToken.stderr).toContain("The nextToken is not valid for this request.");
    const missing = await cli(["--job-id", "no-such-job"]);
    expect([missing.status, code(missing.stderr)]).toEqual([255, "ResourceNotFoundException"]);

    // The CLI's default (legacy) retry mode retries throttling until it clears.
    server.mock.faults.inject({ type: "throttling" }, { times: 2 });
    let before = server.mock.history.length;
    const retried = await cli(["--job-id", "fleet", "--max-items", "5"]);
    expect(retried.status, retried.stderr).toBe(0);
    expect(server.mock.history.slice(before).map((r) => r.status)).toEqual([400, 400, 200]);
    // Standard mode with 3 attempts (instead of legacy's 5 and its longer backoff): it gives up with the code.
    const standard = { ...cliEnv, AWS_RETRY_MODE: "standard", AWS_MAX_ATTEMPTS: "3" };
    for (const [fault, name, status] of [
      ["throttling", "ThrottlingException", 400],
      ["unavailable", "ServiceUnavailableException", 503],
    ] as const) {
      server.mock.faults.inject({ type: fault });
      before = server.mock.history.length;
      const failed = await cli(["--job-id", "fleet"], standard);
      server.mock.faults.clear();
      expect([failed.status, code(failed.stderr)]).toEqual([255, name]);
      expect(failed.stderr).toContain("(reached max retries: 2)");
      expect(server.mock.history.slice(before).map((r) => r.status)).toEqual([status, status, status]);
    }
  },
);
