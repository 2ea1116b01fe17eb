import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, test } from "vitest";
import { type MockServer, startMockServer } from "../../src/node/index.js";
import { runPeer } from "./run-peer.js";

// boto3 against the standalone server (the aws CLI has its own file, aws-cli.interop.test.ts, so that the two
// run side by side). A missing peer fails under CI=true and is skipped, loudly, elsewhere.
const ci = process.env.CI === "true";
const hasBoto3 = spawnSync("python3", ["-c", "import boto3"], { stdio: "ignore" }).status === 0;
if (!hasBoto3 && !ci)
  console.warn(
    "[@iot-jobs/mocks] python3 with boto3 not found: its interop tests are skipped (CI=true makes them fail)",
  );

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
    const python = await runPeer("python3", [script, server.url, "fleet"], {
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
      const python = await runPeer("python3", [script, strict.url], { ...process.env, AWS_CONFIG_FILE: "/dev/null" });
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
