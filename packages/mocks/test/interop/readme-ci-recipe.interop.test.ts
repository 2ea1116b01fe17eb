import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, expect, test } from "vitest";
import { runPeer } from "./run-peer.js";

// The README's CI recipe, read from README.md and run as written under sh in a project whose node_modules/.bin
// has the bin (as `npm install -D @iot-jobs/mocks` leaves it), with a free port for 4010: npx starts the server in
// the background, curl waits for it, the aws CLI lists the seeded job with moto's `testing` keys, `kill $!` stops
// npx, and the server, following its parent, stops too. A missing aws CLI or curl fails under CI=true and is
// skipped, loudly, elsewhere.
const ci = process.env.CI === "true";
const hasPeers = ["aws", "curl"].every((c) => spawnSync(c, ["--version"], { stdio: "ignore" }).status === 0);
if (!hasPeers && !ci)
  console.warn("[@iot-jobs/mocks] the aws CLI or curl not found: the README's CI recipe is skipped (CI=true fails)");

const root = fileURLToPath(new URL("../..", import.meta.url));
const readme = readFileSync(`${root}README.md`, "utf8");
const recipe = /<!-- run-by: test\/interop\/readme-ci-recipe\.interop\.test\.ts -->\n```sh\n([\s\S]*?)```/.exec(
  readme,
)![1]!;
const seedFile = `${root}../../examples/pytest-boto3/seed.json`;
const project = mkdtempSync(join(tmpdir(), "iot-jobs-ci-recipe-"));
afterAll(() => rmSync(project, { recursive: true, force: true }));

/** A port that was free a moment ago (the recipe names a fixed one; the test swaps in this). */
const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

// What pnpm and vitest set for the workspace run must not reach npx.
const inherited = /^(npm_|pnpm_config_|PNPM_|VITEST|TINYPOOL|NODE_OPTIONS$|TEST$|INIT_CWD$)/;

test.runIf(hasPeers || ci)("the README's CI recipe lists the seeded job and leaves no server behind", async () => {
  expect(hasPeers, "the aws CLI and curl are required in CI").toBe(true);
  writeFileSync(join(project, "package.json"), '{ "name": "ci-recipe", "private": true }\n');
  copyFileSync(seedFile, join(project, "seed.json"));
  mkdirSync(join(project, "node_modules", ".bin"), { recursive: true });
  symlinkSync(`${root}bin/iot-jobs-mock.js`, join(project, "node_modules", ".bin", "iot-jobs-mock"));
  const port = await freePort();
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !inherited.test(key)));
  const run = await runPeer(
    "sh",
    ["-e", "-c", recipe.replaceAll("4010", String(port))],
    {
      ...env,
      AWS_CONFIG_FILE: "/dev/null",
      AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
    },
    { cwd: project },
  );
  expect(run.status, run.stderr).toBe(0);
  const seed = JSON.parse(readFileSync(seedFile, "utf8"));
  const fw1 = seed.jobs.find((j: { jobId: string }) => j.jobId === "fw-1");
  const listed = JSON.parse(run.stdout);
  expect(readFileSync(join(project, "mock.log"), "utf8")).toMatch(/^iot-jobs-mock listening on http:\/\/127\.0\.0\.1:/);
  expect(listed.executionSummaries).toHaveLength(fw1.executions.length + fw1.fleet.count);
  // `kill $!` stopped npx; its shell died and the server, following it, closes (within a bounded wait).
  const deadline = performance.now() + 15_000;
  for (;;) {
    const up = await fetch(`http://127.0.0.1:${port}/_mock/health`).then(
      () => true,
      () => false,
    );
    if (!up) break;
    expect(performance.now(), "the server outlived the recipe").toBeLessThan(deadline);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
});
