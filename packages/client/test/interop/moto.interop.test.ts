import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createIotJobsClient, type JobExecutionSummaryForJob, UnknownServiceException } from "../../src/index.js";

// Against moto_server (an independent fake of AWS IoT) and boto3 (the official Python SDK) on loopback: the same
// job listed by both clients must give the same executions. Skipped with a message when the peers are missing,
// except in CI (CI=true), where a missing peer fails.
const peers = (() => {
  try {
    execFileSync("python3", ["-c", "import boto3, moto"], { stdio: "ignore" });
    execFileSync("sh", ["-c", "command -v moto_server"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();
if (!peers && process.env.CI === "true") throw new Error("moto_server and python3 with boto3 are required in CI");
if (!peers) console.warn("skipping the moto interop suite: moto_server or python3 with boto3 is not installed");

const keys = { accessKeyId: "AKIDMOTO", secretAccessKey: "moto-secret" };
let moto: ChildProcess | undefined;
let endpoint = "";

/** Runs a boto3 script against moto; it prints one JSON value. */
const boto3 = (script: string) =>
  JSON.parse(
    execFileSync("python3", ["-c", script], {
      encoding: "utf8",
      env: {
        ...process.env,
        AWS_ACCESS_KEY_ID: keys.accessKeyId,
        AWS_SECRET_ACCESS_KEY: keys.secretAccessKey,
        AWS_DEFAULT_REGION: "us-east-1",
        MOTO_ENDPOINT: endpoint,
      },
    }),
  );

const preamble = `
import boto3, json, os
iot = boto3.client("iot", endpoint_url=os.environ["MOTO_ENDPOINT"])
`;

beforeAll(async () => {
  if (!peers) return;
  const child = spawn("moto_server", ["-H", "127.0.0.1", "-p", "0"], { stdio: ["ignore", "pipe", "pipe"] });
  moto = child;
  endpoint = await new Promise<string>((resolve, reject) => {
    let log = "";
    const onData = (chunk: Buffer) => {
      log += chunk;
      const match = /Running on (http:\/\/127\.0\.0\.1:\d+)/.exec(log);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code) => reject(new Error(`moto_server exited (${code}): ${log}`)));
  });
  boto3(`${preamble}
arns = [iot.create_thing(thingName=f"sensor-{i:02}")["thingArn"] for i in range(12)]
iot.create_job(jobId="firmware-42", targets=arns, document="{}")
print(json.dumps(len(arns)))`);
}, 60_000);

afterAll(() => {
  moto?.kill();
});

test.skipIf(!peers)("every execution boto3 lists, this client lists too: same things, statuses and times", async () => {
  const expected: { thingArn: string; status: string; queuedAt: number }[] = boto3(`${preamble}
pages = iot.get_paginator("list_job_executions_for_job").paginate(jobId="firmware-42", PaginationConfig={"PageSize": 5})
print(json.dumps([{"thingArn": e["thingArn"], "status": e["jobExecutionSummary"]["status"],
  "queuedAt": e["jobExecutionSummary"]["queuedAt"].timestamp()} for p in pages for e in p["executionSummaries"]]))`);
  expect(expected).toHaveLength(12);

  const client = createIotJobsClient({ region: "us-east-1", endpoint, credentials: keys });
  const actual: JobExecutionSummaryForJob[] = [];
  let pages = 0;
  for await (const page of client.paginateListJobExecutionsForJob({ jobId: "firmware-42" }, { pageSize: 5 })) {
    pages++;
    actual.push(...(page.executionSummaries ?? []));
  }
  expect(pages).toBe(3);
  expect(
    actual.map((e) => ({
      thingArn: e.thingArn,
      status: e.jobExecutionSummary?.status,
      queuedAt: (e.jobExecutionSummary?.queuedAt?.getTime() ?? 0) / 1000,
    })),
  ).toEqual(expected.map((e) => ({ ...e, queuedAt: Math.round(e.queuedAt * 1000) / 1000 })));
});

test.skipIf(!peers)("a status filter gives the same answer as boto3", async () => {
  const expected: number = boto3(`${preamble}
print(json.dumps(len(iot.list_job_executions_for_job(jobId="firmware-42", status="QUEUED")["executionSummaries"])))`);
  const client = createIotJobsClient({ region: "us-east-1", endpoint, credentials: keys, throwOnError: true });
  const page = await client.listJobExecutionsForJob({ jobId: "firmware-42", status: "QUEUED" });
  expect(page.executionSummaries).toHaveLength(expected);
});

test.skipIf(!peers)("moto's error for a bad nextToken has the same type in both clients", async () => {
  const code: string = boto3(`${preamble}
try:
    iot.list_job_executions_for_job(jobId="firmware-42", nextToken="garbage")
    print(json.dumps(None))
except iot.exceptions.ClientError as e:
    print(json.dumps(e.response["Error"]["Code"]))`);
  const client = createIotJobsClient({ region: "us-east-1", endpoint, credentials: keys, maxAttempts: 1 });
  const { error } = await client.listJobExecutionsForJob({ jobId: "firmware-42", nextToken: "garbage" });
  expect(code).toBeTruthy();
  expect(error).toBeInstanceOf(UnknownServiceException);
  expect(error?.code).toBe(code);
  expect(error?.$metadata.httpStatusCode).toBe(400);
});
