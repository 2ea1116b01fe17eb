// The published packages proven from the outside: pnpm packs both, an outside team's project in the system's temp
// folder installs the tarballs with npm (everything else from the registry), compiles strict under node16 and
// bundler, runs its vitest suite against the mocks, and lists executions through the tarball's standalone mock.
import { type ChildProcess, spawn } from "node:child_process";
import { lstat, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { type ExecResult, exec } from "@iot-jobs/test-support/exec";
import { afterAll, beforeAll, expect, test } from "vitest";
import { writeConsumerProject } from "../src/consumer-project.js";
import { npmEnv, registryEnv, registryReachable } from "../src/npm.js";
import { type PackedPackage, packPackage } from "../src/pack.js";

const ci = process.env.CI === "true";
let root: string;
let project: string;
let client: PackedPackage;
let mocks: PackedPackage;
let skipReason: string | undefined;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "iot-jobs-outside-"));
  project = join(root, "outside-team");
  client = await packPackage("packages/client", join(root, "tarballs"));
  mocks = await packPackage("packages/mocks", join(root, "tarballs"));
  await writeConsumerProject(project, { client, mocks });
  const started = performance.now();
  const install = await exec("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund"], {
    cwd: project,
    env: registryEnv(),
    timeoutMs: 170_000,
  });
  console.info(
    `pack-test: npm install of the outside project took ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  if (install.code === 0) return;
  if (!ci && !(await registryReachable())) {
    skipReason =
      "the npm registry is unreachable, so the outside project cannot install its tools (fails when CI=true)";
    console.warn(`pack-test: skipped: ${skipReason}`);
    return;
  }
  throw new Error(`npm install in ${project} failed (${install.code}):\n${install.stdout}\n${install.stderr}`);
});
afterAll(async () => {
  if (process.env.IOT_JOBS_KEEP_CONSUMER) console.info(`pack-test: the outside project is kept in ${project}`);
  else await rm(root, { recursive: true, force: true });
});

/** Runs a binary of the outside project's node_modules in the project. */
const run = (bin: string, args: string[], env: NodeJS.ProcessEnv = npmEnv()): Promise<ExecResult> =>
  exec(join(project, "node_modules/.bin", bin), args, { cwd: project, env });
const output = (r: ExecResult) => `exit ${r.code}\n${r.stdout}\n${r.stderr}`;

test("the packages come from the tarballs, not from the workspace, and nothing private comes along", async (ctx) => {
  if (skipReason) ctx.skip(skipReason);
  for (const { name, version } of [client, mocks]) {
    const dir = join(project, "node_modules", name);
    expect((await lstat(dir)).isSymbolicLink(), `${name} must be a copy`).toBe(false);
    expect(JSON.parse(await readFile(join(dir, "package.json"), "utf8")).version).toBe(version);
  }
  const lock = JSON.parse(await readFile(join(project, "package-lock.json"), "utf8"));
  for (const { name, tarball } of [client, mocks]) {
    expect(lock.packages[`node_modules/${name}`].resolved).toBe(`file:${relative(project, tarball)}`);
  }
  expect(Object.keys(lock.packages).filter((p) => p.includes("@iot-jobs/") && !/(client|mocks)$/.test(p))).toEqual([]);
});

// Each compile takes 5 to 50 s on a busy 2-core machine (the declarations check reads msw's and Node's types).
const compileTimeout = 150_000;

test(
  "a strict TypeScript consumer compiles under moduleResolution node16",
  async (ctx) => {
    if (skipReason) ctx.skip(skipReason);
    const result = await run("tsc", ["-p", "tsconfig.node16.json"]);
    expect(result.code, output(result)).toBe(0);
  },
  compileTimeout,
);

test(
  "the same consumer compiles under moduleResolution bundler",
  async (ctx) => {
    if (skipReason) ctx.skip(skipReason);
    const result = await run("tsc", ["-p", "tsconfig.bundler.json"]);
    expect(result.code, output(result)).toBe(0);
  },
  compileTimeout,
);

test(
  "code that only calls the client compiles with @types/node alone, declarations checked",
  async (ctx) => {
    if (skipReason) ctx.skip(skipReason);
    const result = await run("tsc", ["-p", "tsconfig.node16-no-dom.json"]);
    expect(result.code, output(result)).toBe(0);
  },
  compileTimeout,
);

test(
  "every entry point's declarations check strict; the node16 output runs in Node",
  async (ctx) => {
    if (skipReason) ctx.skip(skipReason);
    const compiled = await run("tsc", ["-p", "tsconfig.declarations.json"]);
    expect(compiled.code, output(compiled)).toBe(0);
    const result = await exec(process.execPath, ["out/src/entry-points.js"], { cwd: project, env: npmEnv() });
    expect(result.code, output(result)).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      listed: 30,
      errorName: "ThrottlingException",
      inProcess: "function",
      browser: "ERR_PACKAGE_PATH_NOT_EXPORTED", // the browser entry maps Node to null: refused at resolve time
    });
  },
  compileTimeout,
);

test("the other team's vitest suite tests its code that calls the client, against the mocks", async (ctx) => {
  if (skipReason) ctx.skip(skipReason);
  const result = await run("vitest", ["run", "--reporter=verbose"]);
  expect(result.code, output(result)).toBe(0);
  const text = result.stdout;
  expect(text).toMatch(/Tests\s+5 passed \(5\)/);
  expect(text).toContain("an aborted rollout halts, naming the things that failed");
});

test("a script lists executions through the standalone mock, the tarball's iot-jobs-mock bin", async (ctx) => {
  if (skipReason) ctx.skip(skipReason);
  const mock = spawn(join(project, "node_modules/.bin/iot-jobs-mock"), ["--port", "0", "--seed", "seed.json"], {
    cwd: project,
    env: npmEnv(),
    stdio: ["ignore", "pipe", "pipe"],
  });
  try {
    const url = await listeningUrl(mock);
    const listed = await exec(process.execPath, ["list-executions.mjs", "fw-outside", "--page-size", "100"], {
      cwd: project,
      env: {
        // The machine's environment (a shifted clock included) without its AWS_* settings.
        ...Object.fromEntries(Object.entries(npmEnv()).filter(([key]) => !key.startsWith("AWS_"))),
        AWS_REGION: "us-east-1",
        AWS_ACCESS_KEY_ID: "AKIAIOSFODNN7EXAMPLE", // the mock's documented test key: its default account
        AWS_SECRET_ACCESS_KEY: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        AWS_ENDPOINT_URL_IOT: url,
      },
    });
    expect(listed.code, output(listed)).toBe(0);
    expect(listed.stdout.trimEnd().split("\n")).toHaveLength(420);
    expect(listed.stderr).toMatch(
      /^fw-outside: 420 executions in 5 pages \((?=.*SUCCEEDED 360)(?=.*IN_PROGRESS 60).*\)\n$/,
    );
  } finally {
    mock.kill("SIGINT");
  }
  const [code] = await new Promise<[number | null]>((resolve) => mock.once("exit", (c) => resolve([c])));
  expect(code, "iot-jobs-mock exits 0 on SIGINT").toBe(0);
});

/** Resolves to the URL the bin prints first (`iot-jobs-mock listening on http://127.0.0.1:<port>`). */
function listeningUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = "";
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
      seen += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(seen);
      if (match) resolve(match[1]!);
    });
    child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
      seen += chunk;
    });
    child.once("exit", (code) => reject(new Error(`iot-jobs-mock exited ${code} before listening:\n${seen}`)));
  });
}
