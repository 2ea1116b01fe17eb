import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { IoTClient, ListJobExecutionsForJobCommand } from "@aws-sdk/client-iot";
import { afterEach, expect, test } from "vitest";
import { TEST_CREDENTIALS } from "../../src/node/index.js";
import { isAwsShaped, type RawResponse, rawRequest } from "./raw-http.js";

// The published bin under attack and misuse (issue 13): every case against `dist/cli.js` as a team runs it.
const cli = fileURLToPath(new URL("../../dist/cli.js", import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/standalone/${name}`, import.meta.url));
const children: ChildProcess[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

interface Run {
  stdout: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
  /** Resolves with the port once the bin prints its URL; rejects if it exits first. */
  port: Promise<number>;
}
function run(args: string[], env: Record<string, string> = {}): Run {
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run \`pnpm --filter @iot-jobs/mocks run build\` first`);
  const { IOT_JOBS_MOCK_CONTROL_TOKEN: _inherited, ...parent } = process.env; // only what the test sets
  const child = spawn(process.execPath, [cli, ...args], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...parent, ...env },
  });
  children.push(child);
  let out = "";
  let err = "";
  child.stderr!.on("data", (c) => (err += c));
  const exit = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  // Event-driven: the port is read from the very chunk that prints it (no polling, no sleeps).
  const port = new Promise<number>((resolve, reject) => {
    child.stdout!.on("data", (c) => {
      out += c;
      const m = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    void exit.then((code) => reject(new Error(`exited ${code}: ${err}`)));
  });
  port.catch(() => {});
  return { stdout: () => out, stderr: () => err, exit, port };
}
/** Exactly one line on stderr, and no stack trace. */
function oneLine(r: Run): string {
  const lines = r.stderr().trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  expect(r.stderr()).not.toMatch(/\n\s+at /);
  return lines[0]!;
}
const get = (port: number, target: string, headers: Record<string, string | number> = {}, method = "GET", body = "") =>
  rawRequest(
    port,
    `${method} ${target} HTTP/1.1\r\n${Object.entries({ Host: `127.0.0.1:${port}`, ...headers })
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join("")}\r\n${body}`,
  );
const shaped = (r: RawResponse | undefined) => [r?.status, r?.headers["x-amzn-errortype"], r && isAwsShaped(r)];

test("start-up errors are one line: a bad --default-page-size, a bad --region, a port in use", async () => {
  const pageSize = run(["--port", "0", "--default-page-size", "abc"]);
  expect(await pageSize.exit).toBe(2);
  expect(oneLine(pageSize)).toBe('iot-jobs-mock: --default-page-size: value "abc" must be an integer from 1 to 250');
  const region = run(["--port", "0", "--region", "mars"]);
  expect(await region.exit).toBe(1);
  expect(oneLine(region)).toBe('iot-jobs-mock: region: value "mars" must be a region name such as us-east-1');
  const first = run(["--port", "0", "--quiet"]);
  const port = await first.port;
  const second = run(["--port", String(port), "--quiet"]);
  expect(await second.exit).toBe(1);
  expect(oneLine(second)).toBe(
    `iot-jobs-mock: cannot listen on 127.0.0.1:${port}: the port is already in use (pick another with --port, or 0 for a free one)`,
  );
});

test("an address that cannot be bound is one line, after the warning about binding beyond loopback", async () => {
  // 192.0.2.1 is TEST-NET-1 (RFC 5737): never this machine's, so nothing is ever exposed by this test.
  const open = run(["--port", "0", "--host", "192.0.2.1"]);
  expect(await open.exit).toBe(1);
  expect(open.stderr().trimEnd().split("\n")).toEqual([
    "iot-jobs-mock: warning: --host 192.0.2.1 reaches beyond this machine and there is no control token: anyone who can reach the port can seed, reset, inject faults and read every account's jobs; set --control-token or IOT_JOBS_MOCK_CONTROL_TOKEN",
    "iot-jobs-mock: cannot listen on 192.0.2.1:0: the address is not one of this machine's (see --host)",
  ]);
  const withToken = run(["--port", "0", "--host", "192.0.2.1"], { IOT_JOBS_MOCK_CONTROL_TOKEN: "t" });
  expect(await withToken.exit).toBe(1);
  expect(oneLine(withToken)).toMatch(/^iot-jobs-mock: cannot listen on 192\.0\.2\.1:0/);
});

test("a seed file's duplicate names are one line naming the file and the fields", async () => {
  const dir = await mkdtemp(join(tmpdir(), "iot-jobs-mock-"));
  dirs.push(dir);
  const jobs = join(dir, "dup-jobs.seed.json");
  await writeFile(jobs, JSON.stringify({ jobs: [{ jobId: "fw-1" }, { jobId: "fw-1" }] }));
  const things = join(dir, "dup-things.seed.json");
  await writeFile(
    things,
    JSON.stringify({ jobs: [{ jobId: "fw-2", executions: [{ thingName: "t" }, { thingName: "t" }] }] }),
  );
  const a = run(["--port", "0", "--seed", jobs]);
  expect(await a.exit).toBe(1);
  expect(oneLine(a)).toBe(
    `iot-jobs-mock: ${jobs} is invalid: jobs[1].jobId: value "fw-1" already exists in account 123456789012`,
  );
  const b = run(["--port", "0", "--seed", things]);
  expect(await b.exit).toBe(1);
  expect(oneLine(b)).toBe(
    `iot-jobs-mock: ${things} is invalid: jobs[0].executions[1].thingName: value "t" already has an execution in job fw-2`,
  );
});

test("hosts, origins and the control token (from the environment) guard the bin's control API", async () => {
  const r = run(
    [
      "--port",
      "0",
      "--quiet",
      "--allowed-host",
      "mock.internal",
      "--cors",
      "http://localhost:5173",
      "--seed",
      fixture("fleet.seed.json"),
    ],
    { IOT_JOBS_MOCK_CONTROL_TOKEN: "from-env" },
  );
  const port = await r.port;
  expect(r.stderr()).toBe(""); // loopback: no warning
  const page = "/jobs/firmware-update-2026-11/things?maxResults=1";
  expect((await get(port, page, { Host: "mock.internal" }))?.status).toBe(200);
  expect(shaped(await get(port, page, { Host: "attacker.example" }))).toEqual([403, "ForbiddenException", true]);
  expect(shaped(await get(port, "/_mock/health"))).toEqual([401, "UnauthorizedException", true]);
  const auth = { Authorization: "Bearer from-env" };
  expect((await get(port, "/_mock/health", auth))?.status).toBe(200);
  expect(
    (await get(port, "/_mock/health", { ...auth, Origin: "http://localhost:5173" }))?.headers[
      "access-control-allow-origin"
    ],
  ).toBe("http://localhost:5173");
  const evil = await get(
    port,
    "/_mock/faults",
    { ...auth, Origin: "http://evil.example", "Content-Length": 2 },
    "POST",
    "{}",
  );
  expect(shaped(evil)).toEqual([403, "ForbiddenException", true]);
  const huge = '{"ms":1e308}';
  const advance = await get(port, "/_mock/clock/advance", { ...auth, "Content-Length": huge.length }, "POST", huge);
  expect(shaped(advance)).toEqual([400, "InvalidRequestException", true]);
  expect(JSON.parse(advance!.body).message).toMatch(/ms: value 1e\+308 must be a number from 0 to/);
  expect((await get(port, "/_mock/health", auth))?.status).toBe(200);
  const body = await get(port, page, { "Content-Length": 64 * 1024 * 1024 });
  expect(shaped(body)).toEqual([400, "InvalidRequestException", true]);
  expect(shaped(await get(port, "*", {}, "OPTIONS"))).toEqual([400, "InvalidRequestException", true]);
});

test("--max-executions and --max-body-bytes cap what the control API takes", async () => {
  const r = run(["--port", "0", "--quiet", "--max-executions", "1000", "--max-body-bytes", "512"]);
  const port = await r.port;
  const seed = JSON.stringify({ jobs: [{ jobId: "big", fleet: { count: 1001 } }] });
  const tooMany = await get(port, "/_mock/seed", { "Content-Length": seed.length }, "POST", seed);
  expect(shaped(tooMany)).toEqual([400, "InvalidRequestException", true]);
  expect(JSON.parse(tooMany!.body).message).toMatch(
    /jobs\[0\]\.fleet\.count: value 1001 would bring the mock to 1001 executions \(a job counts at least 256\), more than its maxExecutions \(1000\)/,
  );
  expect(shaped(await get(port, "/_mock/seed", { "Content-Length": 513 }))).toEqual([
    413,
    "RequestEntityTooLargeException",
    true,
  ]);
  const bad = run(["--port", "0", "--max-executions", "0"]);
  expect(await bad.exit).toBe(2);
  expect(oneLine(bad)).toBe(
    `iot-jobs-mock: --max-executions: value "0" must be an integer from 1 to ${Number.MAX_SAFE_INTEGER}`,
  );
});

test("--region with --strict-auth refuses another region's credential scope", async () => {
  const r = run(["--port", "0", "--quiet", "--strict-auth", fixture("credentials.json"), "--region", "eu-west-1"]);
  const port = await r.port;
  const client = (region: string) =>
    new IoTClient({ region, endpoint: `http://127.0.0.1:${port}`, credentials: TEST_CREDENTIALS, maxAttempts: 1 });
  await expect(client("us-east-1").send(new ListJobExecutionsForJobCommand({ jobId: "fw-1" }))).rejects.toMatchObject({
    name: "InvalidSignatureException",
    message: "Credential should be scoped to a valid region, not 'us-east-1'. ",
  });
  await expect(client("eu-west-1").send(new ListJobExecutionsForJobCommand({ jobId: "fw-1" }))).rejects.toMatchObject({
    name: "ResourceNotFoundException", // signed for the served region: authenticated, and the job does not exist
  });
  const temporary = { ...TEST_CREDENTIALS, sessionToken: "not-issued-for-this-key" };
  const withToken = new IoTClient({
    region: "eu-west-1",
    endpoint: `http://127.0.0.1:${port}`,
    credentials: temporary,
    maxAttempts: 1,
  });
  await expect(withToken.send(new ListJobExecutionsForJobCommand({ jobId: "fw-1" }))).rejects.toMatchObject({
    name: "UnrecognizedClientException",
    message: "The security token included in the request is invalid.",
  });
});
