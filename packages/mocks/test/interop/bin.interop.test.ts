import { type ChildProcess, spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { IoTClient, ListJobExecutionsForJobCommand } from "@aws-sdk/client-iot";
import { afterEach, expect, test } from "vitest";

// The published bin, as a team would run it: `iot-jobs-mock --port 0 --seed fleet.json`. It is a committed file
// (package managers link it before dist is built) that loads dist/cli.js.
const bin = fileURLToPath(new URL("../../bin/iot-jobs-mock.js", import.meta.url));
const cli = fileURLToPath(new URL("../../dist/cli.js", import.meta.url));
const pids: number[] = [];
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/standalone/${name}`, import.meta.url));
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
  for (const pid of pids.splice(0)) if (alive(pid)) process.kill(pid, "SIGKILL");
});
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
}
function run(args: string[]): Run {
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run \`pnpm --filter @iot-jobs/mocks run build\` first`);
  const child = spawn(process.execPath, [bin, ...args], { stdio: ["ignore", "pipe", "pipe"] });
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
  await printed(r, /seeded job firmware-update-2026-11 \(every account, region eu-west-1, 500 executions\)/);
  // Unsigned (curl, a browser) the request names no region: jobs of every region answer.
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
  const client = (accessKeyId: string, secretAccessKey: string, region = "eu-west-1") =>
    new IoTClient({
      region,
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
  // The shared job lives in eu-west-1: from us-east-1 it does not exist, as on AWS.
  const elsewhere = await client("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "us-east-1")
    .send(new ListJobExecutionsForJobCommand({ jobId: "firmware-update-2026-11" }))
    .catch((e: Error) => e);
  expect(elsewhere).toMatchObject({ name: "ResourceNotFoundException" });
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
  expect(help.stdout()).toContain("--no-follow-parent");
});

test("a 404 for a job of another account or region says where it exists in the log line; the body stays AWS's", async () => {
  const r = run(["--port", "0", "--seed", fixture("fleet.seed.json")]);
  const url = await listening(r);
  const iot = new IoTClient({
    region: "us-east-1",
    endpoint: url,
    credentials: { accessKeyId: "testing", secretAccessKey: "testing" },
    maxAttempts: 1,
  });
  const error = await iot
    .send(new ListJobExecutionsForJobCommand({ jobId: "firmware-update-2026-11" }))
    .catch((e: Error) => e);
  expect(error).toMatchObject({
    name: "ResourceNotFoundException",
    message: "Job firmware-update-2026-11 does not exist.",
  });
  const history = (await (await fetch(`${url}/_mock/history`)).json()) as { requests: { note?: string }[] };
  expect(history.requests[0]?.note).toMatch(
    /^firmware-update-2026-11 exists in every account\/region eu-west-1, account \d{12}\/every region; this request is account \d{12}\/region us-east-1$/,
  );
  await printed(
    r,
    /GET \/jobs\/firmware-update-2026-11\/things 404 \d+\.\dms [0-9a-f-]{36} \(firmware-update-2026-11 exists in every account\/region eu-west-1, .*; this request is account \d{12}\/region us-east-1\)\n/,
  );
});

/** Polls `condition` every 20 ms until it holds, for at most `ms`. */
async function until(condition: () => boolean | Promise<boolean>, ms = 15_000): Promise<void> {
  const deadline = performance.now() + ms;
  while (!(await condition())) {
    if (performance.now() > deadline) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Starts the bin in the background of `sh -c`, as `npm exec` (npx) does, and learns the server's pid and URL. */
async function underShell(args: string[]): Promise<{ shell: ChildProcess; pid: number; url: string }> {
  const shell = spawn("sh", ["-c", `"${process.execPath}" "${bin}" --port 0 ${args.join(" ")} & echo "pid $!"; wait`], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(shell);
  let out = "";
  shell.stdout!.on("data", (c) => (out += c));
  await until(() => /pid \d+/.test(out) && /listening on http/.test(out));
  const pid = Number(/pid (\d+)/.exec(out)![1]);
  pids.push(pid);
  return { shell, pid, url: /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)![1]! };
}

test("a signalled parent (npx runs the bin under `sh -c`) leaves no orphan; --no-follow-parent outlives it", async () => {
  const followed = await underShell(["--quiet"]);
  const detached = await underShell(["--quiet", "--no-follow-parent"]);
  followed.shell.kill("SIGTERM"); // what `kill $(npx's pid)` does: npm forwards it to the shell, which dies
  detached.shell.kill("SIGTERM");
  await until(() => !alive(followed.pid));
  // Both watched their parent on the same schedule: the one that follows it is gone, the other still answers.
  expect((await fetch(`${detached.url}/_mock/health`)).status).toBe(200);
  await expect(fetch(`${followed.url}/_mock/health`)).rejects.toThrow();
});

test("the bin is a committed file outside dist (linked at install time, before a build), executable, and says when dist is missing", async () => {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
  expect(pkg.bin).toEqual({ "iot-jobs-mock": "./bin/iot-jobs-mock.js" });
  expect(pkg.files).toContain("bin");
  expect(statSync(bin).mode & 0o111).not.toBe(0);
  const copy = mkdtempSync(join(tmpdir(), "iot-jobs-mock-bin-"));
  try {
    mkdirSync(join(copy, "bin"));
    copyFileSync(bin, join(copy, "bin", "iot-jobs-mock.js"));
    const child = spawn(process.execPath, [join(copy, "bin", "iot-jobs-mock.js")], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let err = "";
    child.stderr!.on("data", (c) => (err += c));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).toBe(1);
    expect(err).toContain("@iot-jobs/mocks is not built (dist/cli.js is missing)");
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
});
