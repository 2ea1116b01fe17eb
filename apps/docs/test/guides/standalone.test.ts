// The standalone-server part of the mocking guide, run as written: its seed file and its `iot-jobs-mock`
// command start the server (on a free port instead of 4010), then its boto3, aws CLI and control API
// snippets run against it and must print what they promise. A missing peer (python3 with boto3, the aws
// CLI, curl) skips its test with a message, and fails it when CI=true.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { readGuides } from "../../scripts/lib/guides.mjs";
import { guidesDir } from "../../scripts/lib/paths.mjs";
import { codeBlocks, promisedPrints, promisedShellOutputs } from "./code-blocks.js";
import { SnippetFiles } from "./snippet-files.js";

const GUIDE_URL = "http://127.0.0.1:4010";
const guide = readGuides(guidesDir).find((g) => g.title === "Mocking in your tests");
const blocks = codeBlocks(guide?.body ?? "");
const block = (lang: string, includes: string) => {
  const found = blocks.find((b) => b.lang === lang && b.code.includes(includes));
  if (!found) throw new Error(`the mocking guide has no ${lang} block with ${includes}`);
  return found.code;
};

const ci = process.env.CI === "true";
const present = (command: string, args: string[]) => spawnSync(command, args, { stdio: "ignore" }).status === 0;
const peers = {
  boto3: present("python3", ["-c", "import boto3"]),
  awsCli: present("aws", ["--version"]),
  curl: present("curl", ["--version"]),
};
for (const [peer, found] of Object.entries(peers)) {
  if (!found && !ci) console.warn(`[docs] ${peer} not found: its guide snippet is not run (CI=true fails instead)`);
}

const files = new SnippetFiles();
let server: ChildProcess | undefined;
let url = "";

/** Runs a command to completion without blocking (output is collected). */
function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

beforeAll(async () => {
  files.write("fleet.json", block("json", '"jobs"'));
  // The guide's command, with the package's bin for `npx iot-jobs-mock` and a free port for 4010.
  const command = block("sh", "iot-jobs-mock").trim().split(/\s+/);
  const args = command.slice(command.indexOf("iot-jobs-mock") + 1).map((arg) => (arg === "4010" ? "0" : arg));
  const manifest = createRequire(import.meta.url).resolve("@iot-jobs/mocks/package.json");
  const bin = join(dirname(manifest), createRequire(import.meta.url)(manifest).bin["iot-jobs-mock"]);
  server = spawn(process.execPath, [bin, ...args], { cwd: files.dir, stdio: ["ignore", "pipe", "pipe"] });
  url = await new Promise<string>((resolve, reject) => {
    let output = "";
    server?.stdout?.on("data", (chunk) => {
      output += chunk;
      const listening = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (listening?.[1]) resolve(listening[1]);
    });
    server?.stderr?.on("data", (chunk) => (output += chunk));
    server?.on("exit", (code) => reject(new Error(`iot-jobs-mock exited with ${code} before listening:\n${output}`)));
  });
});

afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server?.once("exit", resolve));
    server.kill("SIGINT");
    await exited;
  }
  files.remove();
});

test("the guide's command serves the guide's seed file on loopback", async () => {
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  const health = await fetch(`${url}/_mock/jobs`);
  const { jobs } = (await health.json()) as { jobs: { jobId: string; size: number }[] };
  expect(jobs.map((j) => j.jobId)).toContain("firmware-42");
});

test.runIf(peers.boto3 || ci)("the boto3 snippet pages through the server and prints what it promises", async () => {
  expect(peers.boto3, "python3 with boto3 is required when CI=true").toBe(true);
  const code = block("python", "boto3");
  const result = await run("python3", ["-c", code.replaceAll(GUIDE_URL, url)], {
    ...process.env,
    AWS_CONFIG_FILE: "/dev/null",
  });
  expect(result.stderr).toBe("");
  expect(result.stdout.trim().split("\n")).toEqual(promisedPrints(code));
});

test.runIf(peers.awsCli || ci)("the aws CLI snippet prints what it promises", async () => {
  expect(peers.awsCli, "the aws CLI is required when CI=true").toBe(true);
  const code = block("sh", "aws iot");
  const env = { ...process.env, AWS_CONFIG_FILE: "/dev/null", AWS_SHARED_CREDENTIALS_FILE: "/dev/null" };
  const result = await run("bash", ["-e", "-c", code.replaceAll(GUIDE_URL, url)], env);
  expect(result.stderr).toBe("");
  expect(result.stdout.trim().split("\n")).toEqual(promisedShellOutputs(code));
});

test.runIf(peers.curl || ci)("the control API snippet is accepted, call by call", async () => {
  expect(peers.curl, "curl is required when CI=true").toBe(true);
  const code = block("sh", "/_mock/");
  // --fail: an HTTP error answer (a wrong path or body) fails the script.
  const script = `curl() { command curl --fail "$@"; }\n${code.replaceAll(GUIDE_URL, url)}`;
  type Listed = { jobs: { jobId: string; size: number }[] };
  const jobsNow = async () => ((await (await fetch(`${url}/_mock/jobs`)).json()) as Listed).jobs;
  const seeded = (await jobsNow()).map((j) => [j.jobId, j.size]);
  expect(seeded.length).toBeGreaterThan(0);
  const result = await run("bash", ["-e", "-c", script]);
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  // The last call reset the server to how it started: the guide's seed again, and no faults.
  expect((await jobsNow()).map((j) => [j.jobId, j.size])).toEqual(seeded);
  const { faults } = (await (await fetch(`${url}/_mock/faults`)).json()) as { faults: unknown[] };
  expect(faults).toEqual([]);
});
