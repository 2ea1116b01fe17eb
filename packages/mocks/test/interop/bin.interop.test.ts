import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { IoTClient, ListJobExecutionsForJobCommand } from "@aws-sdk/client-iot";
import { afterEach, expect, test } from "vitest";

// The published bin, as a team would run it: `iot-jobs-mock --port 0 --seed fleet.json`.
const cli = fileURLToPath(new URL("../../dist/cli.js", import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/standalone/${name}`, import.meta.url));
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
});

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
}
function run(args: string[]): Run {
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run \`pnpm --filter @iot-jobs/mocks run build\` first`);
  const child = spawn(process.execPath, [cli, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  let out = "";
  let err = "";
  child.stdout!.on("data", (c) => (out += c));
  child.stderr!.on("data", (c) => (err += c));
  const exit = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exit };
}
/** Resolves with the first match of `pattern` in the bin's stdout, as soon as it is printed; rejects if it exits. */
function printed(r: Run, pattern: RegExp): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const m = pattern.exec(r.stdout());
      if (m) {
        r.child.stdout!.off("data", check);
        r.child.off("exit", exited);
        resolve(m);
      }
    };
    const exited = (code: number | null) =>
      reject(new Error(`exited ${code} before printing ${pattern}: ${r.stderr()}`));
    r.child.stdout!.on("data", check);
    r.child.once("exit", exited);
    check();
  });
}
const listening = async (r: Run) => (await printed(r, /listening on (http:\/\/127\.0\.0\.1:\d+)/))[1]!;

test("serves a seed file on a random loopback port, logs each request, and exits 0 on SIGTERM", async () => {
  const r = run(["--port", "0", "--seed", fixture("fleet.seed.json")]);
  const url = await listening(r);
  await printed(r, /seeded job firmware-update-2026-11 \(account 123456789012, 500 executions\)/);
  const response = await fetch(`${url}/jobs/firmware-update-2026-11/things?maxResults=2`);
  expect(response.status).toBe(200);
  const body = (await response.json()) as { executionSummaries: { thingArn: string; jobExecutionSummary: object }[] };
  expect(body.executionSummaries[0]).toEqual({
    thingArn: "arn:aws:iot:eu-west-1:123456789012:thing/sensor-0001",
    jobExecutionSummary: {
      status: "SUCCEEDED",
      queuedAt: 1795935600,
      startedAt: 1795935604.5,
      lastUpdatedAt: 1795935661,
      executionNumber: 1,
      retryAttempt: 0,
    },
  });
  // The log line is written when the response ends: wait for it rather than for a fixed time.
  await printed(r, /GET \/jobs\/firmware-update-2026-11\/things\?maxResults=2 200 \d+\.\dms [0-9a-f-]{36}\n/);
  r.child.kill("SIGTERM");
  expect(await r.exit).toBe(0);
  expect(r.stdout()).toContain("SIGTERM, closing");
});

test("SIGINT with a client connection still open exits 0", async () => {
  const r = run(["--port", "0", "--quiet"]);
  const url = await listening(r);
  expect((await fetch(`${url}/_mock/health`)).status).toBe(200); // keeps a keep-alive connection open
  r.child.kill("SIGINT");
  expect(await r.exit).toBe(0);
  expect(r.stdout()).not.toMatch(/GET \/_mock\/health/);
});

test("--strict-auth verifies signatures with the credentials file; accounts follow the keys", async () => {
  const r = run([
    "--port",
    "0",
    "--quiet",
    "--seed",
    fixture("fleet.seed.json"),
    "--strict-auth",
    fixture("credentials.json"),
    "--default-page-size",
    "3",
  ]);
  const url = await listening(r);
  const client = (accessKeyId: string, secretAccessKey: string) =>
    new IoTClient({
      region: "us-east-1",
      endpoint: url,
      credentials: { accessKeyId, secretAccessKey },
      maxAttempts: 1,
    });
  const a = await client("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY").send(
    new ListJobExecutionsForJobCommand({ jobId: "firmware-update-2026-11" }),
  );
  expect(a.executionSummaries).toHaveLength(3); // --default-page-size
  const b = await client("AKIDSUITEB", "suite-b-secret").send(
    new ListJobExecutionsForJobCommand({ jobId: "firmware-update-2026-11" }),
  );
  expect(b.executionSummaries?.map((e) => e.thingArn?.split("/")[1])).toEqual(["suite-b-only"]);
  const wrong = await client("AKIDSUITEB", "guess")
    .send(new ListJobExecutionsForJobCommand({ jobId: "firmware-update-2026-11" }))
    .catch((e: Error) => e);
  expect(wrong).toMatchObject({ name: "InvalidSignatureException" });
  r.child.kill("SIGTERM");
  expect(await r.exit).toBe(0);
});

test("an invalid seed file exits 1 naming every bad field; a bad flag exits 2 with usage", async () => {
  const bad = run(["--port", "0", "--seed", fixture("invalid.seed.json")]);
  expect(await bad.exit).toBe(1);
  expect(bad.stderr()).toContain("invalid.seed.json is invalid:");
  expect(bad.stderr()).toContain(
    'jobs[0].jobId: value "bad id" must satisfy regular expression pattern: [a-zA-Z0-9_-]+',
  );
  expect(bad.stderr()).toMatch(/jobs\[0\]\.executions\[0\]\.status: value "DONE" must satisfy enum value set/);
  const missing = run(["--seed", fixture("nope.json")]);
  expect(await missing.exit).toBe(1);
  expect(missing.stderr()).toMatch(/cannot read the seed file .*nope\.json/);
  const flag = run(["--prot", "1"]);
  expect(await flag.exit).toBe(2);
  expect(flag.stderr()).toMatch(/Unknown option '--prot'[\s\S]*Usage: iot-jobs-mock/);
  const port = run(["--port", "http"]);
  expect(await port.exit).toBe(2);
  expect(port.stderr()).toContain('--port: value "http" must be an integer from 0 to 65535');
  const both = run(["--strict-auth", fixture("credentials.json"), "--credentials", fixture("credentials.json")]);
  expect(await both.exit).toBe(2);
  expect(both.stderr()).toContain("use either --strict-auth or --credentials, not both");
  const help = run(["--help"]);
  expect(await help.exit).toBe(0);
  expect(help.stdout()).toContain("--strict-auth <file>");
});
