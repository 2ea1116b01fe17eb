// `pnpm start --serve`: the docs and the mock answer, each printed snippet works when pasted into a shell from the
// repository root, a taken port falls back to a free one, and Ctrl-C closes everything with exit 0. The snippets'
// peers (the aws CLI, python3 with boto3) must be there when CI=true; elsewhere their checks skip with a message.
import { execFile, execFileSync } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, test } from "vitest";
import { cleanEnv, type RunningCommand, repoRoot, startCommand } from "./run-start.js";

const ci = process.env.CI === "true";
const has = (command: string, args: string[]) => {
  try {
    execFileSync(command, args, { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
};

// One `pnpm start --serve` for every test below (the dist is built: --skip-build), the mock asked for on a port
// that is taken.
let blocker: Server;
let taken: number;
let served: RunningCommand;
let mockUrl: string;
let docsUrl: string;

beforeAll(async () => {
  blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
  taken = (blocker.address() as AddressInfo).port;
  served = startCommand("pnpm", ["start", "--serve", "--skip-build", "--mock-port", String(taken), "--docs-port", "0"]);
  await served.waitFor(/Serving until Ctrl-C/, 60_000);
  mockUrl = /^iot-jobs: the mock {2}(http:\/\/127\.0\.0\.1:\d+)/m.exec(served.output())![1]!;
  docsUrl = /^iot-jobs: the docs {2}(http:\/\/127\.0\.0\.1:\d+\/)/m.exec(served.output())![1]!;
}, 90_000);
afterAll(async () => {
  if (served.child.exitCode === null) served.child.kill("SIGKILL");
  await new Promise((resolve) => blocker.close(resolve));
});

test("a port that is taken falls back to a free one, and the output says so", () => {
  expect(mockUrl).not.toBe(`http://127.0.0.1:${taken}`);
  expect(served.output()).toContain(`iot-jobs: the mock  ${mockUrl}   (port ${taken} is taken: another free one)`);
});

test("the docs are served: the reference of the operation", async () => {
  const page = await fetch(docsUrl);
  expect(page.status).toBe(200);
  expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
  expect(await page.text()).toContain("ListJobExecutionsForJob");
});

test("the mock answers its control API with the demo jobs, the rollout moving", async () => {
  const { jobs } = (await (await fetch(`${mockUrl}/_mock/jobs`)).json()) as {
    jobs: { jobId: string; size: number; rollout: { done: boolean } | null }[];
  };
  expect(jobs.map((j) => [j.jobId, j.size])).toEqual([
    ["firmware-2026-11", 5_005],
    ["firmware-2026-10", 50],
    ["inventory-scan", 100_000],
  ]);
  expect(jobs[0]!.rollout).toEqual({ done: false, stopped: false });
});

/** The printed `export ...` (two lines) and the command under the `# <comment>` line, as pasted into sh. */
function pasted(comment: string): string {
  const text = served.output();
  const exported = /^ {2}export AWS_ENDPOINT_URL_IOT=.*\\\n.*$/m.exec(text)![0];
  const command = new RegExp(`^ {2}# ${comment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}.*\\n(.*)$`, "m").exec(text)![1]!;
  return `${exported}\n${command}`;
}

const sh = (script: string) =>
  promisify(execFile)("sh", ["-c", script], { cwd: repoRoot, env: cleanEnv(), timeout: 60_000 });

test("the aws CLI snippet works as printed", async (ctx) => {
  if (!has("aws", ["--version"])) {
    expect(ci, "the aws CLI is required when CI=true").toBe(false);
    ctx.skip("the aws CLI is not installed");
  }
  const { stdout } = await sh(pasted("the aws CLI"));
  const { executionSummaries } = JSON.parse(stdout) as {
    executionSummaries: { thingArn: string; jobExecutionSummary: { status: string } }[];
  };
  expect(executionSummaries).toHaveLength(3);
  for (const e of executionSummaries) {
    expect(e.jobExecutionSummary.status).toBe("FAILED");
    expect(e.thingArn).toMatch(/^arn:aws:iot:us-east-1:123456789012:thing\//);
  }
}, 60_000);

test("the boto3 snippet works as printed", async (ctx) => {
  if (!has("python3", ["-c", "import boto3"])) {
    expect(ci, "python3 with boto3 is required when CI=true").toBe(false);
    ctx.skip("python3 with boto3 is not installed");
  }
  const { stdout } = await sh(pasted("boto3"));
  expect(stdout).toBe("5005 executions\n");
}, 60_000);

test("the client snippet (the list-executions example) works as printed", async () => {
  const { stdout, stderr } = await sh(pasted("@iot-jobs/client"));
  const lines = stdout.trimEnd().split("\n");
  expect(lines.length).toBeGreaterThan(0);
  expect(lines.every((line) => line.split("\t")[1] === "TIMED_OUT")).toBe(true);
  expect(stderr).toMatch(
    new RegExp(`^firmware-2026-11: ${lines.length} executions in 1 page \\(TIMED_OUT ${lines.length}\\)\\n$`),
  );
}, 60_000);

test("the commands under '… and N more' list every failed execution not named, one status at a time", async () => {
  const text = served.output();
  const more =
    /^ {4}… and ([\d,]+) more\. List them all, one status at a time \(from the repository root\):\n((?: {6}.*\n)+)/m.exec(
      text,
    );
  expect(more, text).not.toBeNull();
  const failed = /^ {2}failed: ([\d,]+) \(([^)]*)\), the first ones:$/m.exec(text);
  const byStatus = Object.fromEntries(
    (failed?.[2] ?? "").split(", ").map((part) => part.split(" ").reverse() as [string, string]),
  );
  const commands = more![2]!
    .trimEnd()
    .split("\n")
    .map((line) => line.trim());
  expect(commands.map((c) => / --status (\w+)$/.exec(c)?.[1])).toEqual(Object.keys(byStatus));
  const named = Number(failed![1]!.replace(/,/g, "")) - Number(more![1]!.replace(/,/g, ""));
  expect(named).toBe(6);
  for (const command of commands) {
    const status = / --status (\w+)$/.exec(command)![1]!;
    const { stdout } = await sh(command); // pasted as printed: no export needed
    const lines = stdout.trimEnd().split("\n");
    expect(lines.every((line) => line.split("\t")[1] === status)).toBe(true);
    // The rollout goes on while the test runs: at least as many as the walk counted.
    expect(lines.length).toBeGreaterThanOrEqual(Number(byStatus[status]!.replace(/,/g, "")));
  }
}, 60_000);

test("Ctrl-C (SIGINT to pnpm) closes the mock and the docs and exits 0", async () => {
  served.child.kill("SIGINT");
  expect(await served.exited, served.output()).toBe(0);
  expect(served.output()).toContain("iot-jobs: closing the mock and the docs");
  await expect(fetch(`${mockUrl}/_mock/health`)).rejects.toThrow();
  await expect(fetch(docsUrl)).rejects.toThrow();
}, 30_000);
