// The example against the standalone mock, as CI runs it: the same script that talks to real AWS, pointed at the
// mock with AWS_ENDPOINT_URL_IOT, credentials and region from the environment only. Strict auth proves that it
// signs with the environment's keys.
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { type MockServer, startMockServer } from "@iot-jobs/mocks/node";
import { afterAll, beforeAll, expect, test } from "vitest";

const script = fileURLToPath(new URL("../list-executions.mjs", import.meta.url));
const keys = { accessKeyId: "AKIDEXAMPLELIST0001", secretAccessKey: "list-executions-example-secret" };
let server: MockServer;

beforeAll(async () => {
  server = await startMockServer({ port: 0, strictAuth: true, credentials: [keys] });
  server.mock.store.createJob({
    jobId: "fw-1",
    accessKeyId: keys.accessKeyId,
    region: "eu-west-1",
    fleet: { count: 260, thingNamePrefix: "sensor-", statuses: { SUCCEEDED: 9, FAILED: 1 } },
  });
});
afterAll(() => server.close());

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the script with these AWS_* variables and none of the machine's own; the rest of the environment (PATH, HOME,
 * TZ, a shifted clock) stays as it is.
 */
async function run(args: string[], env: Record<string, string>): Promise<Run> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith("AWS_")));
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [script, ...args], {
      env: { ...base, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const awsEnv = () => ({
  AWS_REGION: "eu-west-1",
  AWS_ACCESS_KEY_ID: keys.accessKeyId,
  AWS_SECRET_ACCESS_KEY: keys.secretAccessKey,
  AWS_ENDPOINT_URL_IOT: server.url,
});

test("lists every execution of the job, page by page, with a summary per status", async () => {
  const { code, stdout, stderr } = await run(["fw-1"], awsEnv());
  expect(stderr).toBe("fw-1: 260 executions in 3 pages (SUCCEEDED 234, FAILED 26)\n");
  expect(code).toBe(0);
  const lines = stdout.trimEnd().split("\n");
  expect(lines).toHaveLength(260);
  expect(new Set(lines.map((line) => line.split("\t")[0])).size).toBe(260);
  const [thing, status, startedAt, updatedAt, retries] = lines[0]!.split("\t");
  expect(thing).toBe("sensor-0001");
  expect(["SUCCEEDED", "FAILED"]).toContain(status);
  expect(new Date(startedAt!).toISOString()).toBe(startedAt);
  expect(Date.parse(updatedAt!)).toBeGreaterThan(Date.parse(startedAt!));
  expect(retries).toBe("0");
});

test("filters by status and honours the page size", async () => {
  const { code, stdout, stderr } = await run(["fw-1", "--status", "FAILED", "--page-size", "10"], awsEnv());
  expect(code).toBe(0);
  expect(stderr).toBe("fw-1: 26 executions in 3 pages (FAILED 26)\n");
  expect(
    stdout
      .trimEnd()
      .split("\n")
      .every((line) => line.split("\t")[1] === "FAILED"),
  ).toBe(true);
});

test("AWS_ENDPOINT_URL works as well, and AWS_DEFAULT_REGION stands in for AWS_REGION", async () => {
  const { AWS_ENDPOINT_URL_IOT, AWS_REGION, ...rest } = awsEnv();
  const { code, stderr } = await run(["fw-1", "--status", "SUCCEEDED"], {
    ...rest,
    AWS_ENDPOINT_URL: AWS_ENDPOINT_URL_IOT,
    AWS_DEFAULT_REGION: AWS_REGION,
  });
  expect(stderr).toBe("fw-1: 234 executions in 3 pages (SUCCEEDED 234)\n");
  expect(code).toBe(0);
});

test("a job that does not exist exits 1 with the service's error and request id", async () => {
  const { code, stdout, stderr } = await run(["no-such-job"], awsEnv());
  expect(code).toBe(1);
  expect(stdout).toBe("");
  expect(stderr).toMatch(/^list-executions: ResourceNotFoundException: .*no-such-job.* \(request id [\w-]+\)\n$/);
});

test("keys the service does not accept are refused (the request is really signed with them)", async () => {
  const { code, stderr } = await run(["fw-1"], { ...awsEnv(), AWS_SECRET_ACCESS_KEY: "not-the-secret" });
  expect(code).toBe(1);
  expect(stderr).toMatch(/^list-executions: InvalidSignatureException: /);
});

test("values outside the spec are refused by the client before anything is sent, naming the field", async () => {
  const before = server.mock.history.length;
  const status = await run(["fw-1", "--status", "DONE"], awsEnv());
  expect(status.code).toBe(1);
  expect(status.stderr).toMatch(/^list-executions: ParamValidationError: .*status.*DONE/);
  const size = await run(["fw-1", "--page-size", "251"], awsEnv());
  expect(size.code).toBe(1);
  expect(size.stderr).toMatch(/^list-executions: ParamValidationError: .*maxResults.*251/);
  expect(server.mock.history.length).toBe(before);
});

test("without a region, or with a bad command line, it exits 2 and says what is missing", async () => {
  const { AWS_REGION, ...noRegion } = awsEnv();
  const missing = await run(["fw-1"], noRegion);
  expect(missing.code).toBe(2);
  expect(missing.stderr).toMatch(/region.*AWS_REGION/);
  const noJob = await run([], awsEnv());
  expect(noJob.code).toBe(2);
  expect(noJob.stderr).toContain("expected one job id, got 0");
  expect(noJob.stderr).toContain("Usage: node list-executions.mjs <jobId>");
  const badSize = await run(["fw-1", "--page-size", "ten"], awsEnv());
  expect(badSize.code).toBe(2);
  expect(badSize.stderr).toContain('--page-size: "ten" is not a whole number');
});
