import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { IoTClient, paginateListJobExecutionsForJob } from "@aws-sdk/client-iot";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createIotJobsClient, UnknownServiceException } from "../../src/index.js";

// Against moto_server (an independent fake of AWS IoT, in Python) on loopback: things and jobs are created through
// moto with boto3, then this client's paginator must return exactly what boto3's paginator returns (same pages,
// count, order, members, dates, even the same tokens), and so must @aws-sdk/client-iot's. A last test pins down
// where moto differs from AWS (each difference is listed in docs/interop-notes.md).
// A missing peer fails under CI=true and skips, with a message, elsewhere.
const ci = process.env.CI === "true";
const peers = (() => {
  try {
    execFileSync("python3", ["-c", "import boto3, moto"], { stdio: "ignore" });
    execFileSync("sh", ["-c", "command -v moto_server"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();
if (!peers && !ci)
  console.warn(
    "[@iot-jobs/client] moto_server or python3 with boto3 not found: the moto suite is skipped (CI=true makes it fail)",
  );
const runs = test.runIf(peers || ci);

const keys = { accessKeyId: "AKIDMOTO", secretAccessKey: "moto-secret" };
const script = fileURLToPath(new URL("boto3_moto.py", import.meta.url));
let moto: ChildProcess | undefined;
let endpoint = "";

type Boto3 = { things: number; all: Page[]; canceled: Page[]; queued: Page[]; badToken: unknown };
let seen: Boto3;

/** Runs boto3_moto.py against moto: it creates the things and jobs, then prints what boto3 listed. */
const boto3 = (): Boto3 =>
  JSON.parse(
    execFileSync("python3", [script, endpoint], {
      encoding: "utf8",
      env: {
        ...process.env,
        AWS_ACCESS_KEY_ID: keys.accessKeyId,
        AWS_SECRET_ACCESS_KEY: keys.secretAccessKey,
        AWS_CONFIG_FILE: "/dev/null",
        AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
      },
    }),
  );

/** Starts moto_server on 127.0.0.1: port 0 (werkzeug binds a free port and prints it), then waits until it answers. */
async function startMoto(): Promise<void> {
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
    child.on("error", reject);
    child.on("exit", (code) => reject(new Error(`moto_server exited (${code}): ${log}`)));
  });
  for (let i = 0; i < 100; i++) {
    const ready = await fetch(`${endpoint}/moto-api/data.json`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`moto_server at ${endpoint} never answered`);
}

beforeAll(async () => {
  if (!peers) return;
  await startMoto();
  seen = boto3();
  expect(seen.things).toBe(24);
}, 60_000);

afterAll(async () => {
  if (!moto || moto.exitCode !== null) return;
  const exited = new Promise((resolve) => moto!.once("exit", resolve));
  moto.kill();
  await exited;
});

type Us = { us: number };
type Page = {
  executionSummaries: { thingArn: string; jobExecutionSummary: Record<string, unknown> }[];
  nextToken?: string;
};

/** A page of a JavaScript client in boto3_moto.py's terms: its members as they are, Dates in microseconds. */
const asBoto3 = (page: { executionSummaries?: unknown[]; nextToken?: string }): Page => ({
  executionSummaries: (page.executionSummaries ?? []).map((item) => {
    const { thingArn, jobExecutionSummary, ...rest } = item as Page["executionSummaries"][number];
    const summary = Object.fromEntries(
      Object.entries(jobExecutionSummary).map(([k, v]) => [
        k,
        v instanceof Date ? ({ us: v.getTime() * 1000 } as Us) : v,
      ]),
    );
    return { thingArn, jobExecutionSummary: summary, ...rest };
  }),
  ...(page.nextToken === undefined ? {} : { nextToken: page.nextToken }),
});

async function clientPages(jobId: string, pageSize: number, status?: "CANCELED" | "QUEUED") {
  const client = createIotJobsClient({ region: "us-east-1", endpoint, credentials: keys });
  const pages: Page[] = [];
  for await (const page of client.paginateListJobExecutionsForJob({ jobId, status }, { pageSize })) {
    pages.push(asBoto3(page));
  }
  return pages;
}

async function sdkPages(jobId: string, pageSize: number, status?: "CANCELED" | "QUEUED") {
  const sdk = new IoTClient({ region: "us-east-1", endpoint, credentials: keys });
  const pages: Page[] = [];
  for await (const page of paginateListJobExecutionsForJob({ client: sdk, pageSize }, { jobId, status })) {
    const { $metadata: _, ...output } = page;
    pages.push(asBoto3(output as Page));
  }
  return pages;
}

runs("this client's paginator returns what boto3's returns: same pages, order, members, dates and tokens", async () => {
  expect(peers, "moto_server and python3 with boto3 are required in CI").toBe(true);
  const expected = seen.all;
  expect(expected.map((p) => p.executionSummaries.length)).toEqual([5, 5, 5, 5, 4]);
  expect(expected.flatMap((p) => p.executionSummaries.map((e) => e.thingArn.split("/")[1]))).toEqual(
    Array.from({ length: 24 }, (_, i) => `sensor-${String(i).padStart(2, "0")}`),
  );
  const actual = await clientPages("firmware-42", 5);
  expect(actual).toEqual(expected);
  // The official JavaScript SDK agrees too (Dates to the millisecond, like this client).
  expect(await sdkPages("firmware-42", 5)).toEqual(expected);
  const first = actual[0]!.executionSummaries[0]!.jobExecutionSummary;
  expect(Object.keys(first).sort()).toEqual(["executionNumber", "lastUpdatedAt", "queuedAt", "startedAt", "status"]);
});

runs("a status filter gives the same pages in every client", async () => {
  expect(peers, "moto_server and python3 with boto3 are required in CI").toBe(true);
  const expected = seen.canceled;
  expect(expected.flatMap((p) => p.executionSummaries)).toHaveLength(6);
  expect(expected.flatMap((p) => p.executionSummaries.map((e) => e.jobExecutionSummary.status))).toEqual(
    Array(6).fill("CANCELED"),
  );
  expect(await clientPages("firmware-42", 2, "CANCELED")).toEqual(expected);
  expect(await sdkPages("firmware-42", 2, "CANCELED")).toEqual(expected);
  const queued = seen.queued;
  expect(await clientPages("firmware-42", 250, "QUEUED")).toEqual(queued);
  expect(queued[0]!.executionSummaries).toHaveLength(18);
});

runs("moto's error for a bad nextToken has the same type and status in both clients", async () => {
  expect(peers, "moto_server and python3 with boto3 are required in CI").toBe(true);
  const expected = seen.badToken as { code: string; status: number };
  const client = createIotJobsClient({ region: "us-east-1", endpoint, credentials: keys, maxAttempts: 1 });
  const { error } = await client.listJobExecutionsForJob({ jobId: "firmware-42", nextToken: "garbage" });
  expect(expected).toEqual({ code: "InvalidToken", status: 400 });
  expect(error).toBeInstanceOf(UnknownServiceException);
  expect([error?.code, error?.$metadata.httpStatusCode]).toEqual([expected.code, expected.status]);
});

runs("where moto differs from AWS (docs/interop-notes.md lists each)", async () => {
  expect(peers, "moto_server and python3 with boto3 are required in CI").toBe(true);
  // moto routes on the SigV4 credential scope and never checks the signature: a zero signature is accepted.
  const scope = `AWS4-HMAC-SHA256 Credential=${keys.accessKeyId}/20261129/us-east-1/iot/aws4_request, SignedHeaders=host, Signature=${"0".repeat(64)}`;
  const raw = async (path: string, headers: Record<string, string> = { authorization: scope }) => {
    const r = await fetch(`${endpoint}${path}`, { headers });
    const text = await r.text();
    return { status: r.status, type: r.headers.get("content-type"), headers: r.headers, text };
  };
  const items = (r: { text: string }) => (JSON.parse(r.text) as Page).executionSummaries.length;

  const page = await raw("/jobs/firmware-42/things?maxResults=1");
  expect(page.status).toBe(200); // a forged signature is accepted (AWS: 403 InvalidSignatureException)
  expect(page.headers.get("connection")).toBe("close"); // every response closes the connection
  const body = JSON.parse(page.text) as Page;
  // The token is readable base64 JSON naming the next item (AWS's are opaque).
  expect(JSON.parse(Buffer.from(body.nextToken!, "base64").toString())).toMatchObject({
    uniqueAttributes: "firmware-42|arn:aws:iot:us-east-1:123456789012:thing/sensor-01",
  });
  // A QUEUED execution has a startedAt (taken from the clock right after queuedAt: equal, or a few ms later on a
  // busy machine), executionNumber is always 123, retryAttempt is absent.
  const summary =
    body.executionSummaries[1] ??
    (JSON.parse((await raw("/jobs/firmware-42/things?maxResults=2")).text) as Page).executionSummaries[1]!;
  expect(summary.jobExecutionSummary).toMatchObject({ status: "QUEUED", executionNumber: 123 });
  const { queuedAt, startedAt } = summary.jobExecutionSummary as { queuedAt: number; startedAt: number };
  expect(startedAt - queuedAt).toBeGreaterThanOrEqual(0);
  expect(startedAt - queuedAt).toBeLessThan(1); // moto stamps both, one call after the other, as it creates it
  expect(summary.jobExecutionSummary).not.toHaveProperty("retryAttempt");

  // No validation: unknown job, bad jobId, bad status → 200 with no items (AWS: 404, 400, 400).
  for (const path of ["/jobs/no-such-job/things", "/jobs/bad%20id/things", "/jobs/firmware-42/things?status=BOGUS"]) {
    expect([path, (await raw(path)).text]).toEqual([path, '{"executionSummaries": []}']);
  }
  // maxResults: absent → 50, 0 → 100, 251 → 251 items (AWS: its own default, 400, 400); "abc" → 500 HTML.
  expect(items(await raw("/jobs/wide/things"))).toBe(50);
  expect(items(await raw("/jobs/wide/things?maxResults=0"))).toBe(100);
  expect(items(await raw("/jobs/wide/things?maxResults=251"))).toBe(251);
  const abc = await raw("/jobs/wide/things?maxResults=abc");
  expect([abc.status, abc.type]).toEqual([500, "text/html; charset=utf-8"]);
  // A garbage token: 400 InvalidToken, a type AWS does not have for this operation (InvalidRequestException).
  const token = await raw("/jobs/firmware-42/things?nextToken=garbage");
  expect([token.status, token.headers.get("x-amzn-ErrorType"), JSON.parse(token.text).__type]).toEqual([
    400,
    "InvalidToken",
    "InvalidToken",
  ]);
  // Unsigned, the request lands in moto's S3 (AWS: 403 MissingAuthenticationTokenException).
  const unsigned = await raw("/jobs/firmware-42/things", {});
  expect([unsigned.status, /<Code>NoSuchBucket<\/Code>/.test(unsigned.text)]).toEqual([404, true]);
  // Through this client, an unknown job is an empty page rather than a ResourceNotFoundException.
  const client = createIotJobsClient({ region: "us-east-1", endpoint, credentials: keys });
  const { data, error } = await client.listJobExecutionsForJob({ jobId: "no-such-job" });
  expect([error, data?.executionSummaries]).toEqual([undefined, []]);
});
