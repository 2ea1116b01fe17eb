// The dev server as a reader runs it, through pnpm, stopped with Ctrl-C: a terminal sends SIGINT to the whole
// foreground process group (pnpm, the shell pnpm starts, node), and pnpm forwards it once more. It must close and
// exit 0 with no pnpm error. `--skip-build` serves the dist/ the suites check, so no rebuild swaps it under them.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { stripVTControlCharacters } from "node:util";
import { expect, test } from "vitest";
import { appDir } from "../scripts/lib/paths.mjs";
import { readBuilt } from "./built-site.js";

/** Variables of the pnpm and vitest run around this test, kept away from the pnpm under test. */
const inherited =
  /^(npm_(command|execpath|node_execpath|lifecycle_\w+|package_\w+|config_user_agent|config_verify_deps_before_run)$|pnpm_config_|PNPM_|VITEST|TINYPOOL|NODE_OPTIONS$|TEST$|INIT_CWD$)/;
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !inherited.test(key)));

/** Runs `pnpm <args>` from the repository root in a process group of its own; collects its output. */
function pnpm(args: string[]) {
  const child = spawn("pnpm", args, {
    cwd: join(appDir, "../.."),
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const append = (chunk: Buffer) => {
    output += stripVTControlCharacters(chunk.toString("utf8"));
  };
  child.stdout.on("data", append);
  child.stderr.on("data", append);
  const exited = new Promise<[number | null, string | null]>((resolve) =>
    child.once("close", (code, signal) => resolve([code, signal])),
  );
  return { child, output: () => output, exited };
}

test("pnpm --filter @iot-jobs/docs dev serves the site, and Ctrl-C stops it with exit 0 and no pnpm error", async () => {
  readBuilt("index.html");
  const dev = pnpm(["--filter", "@iot-jobs/docs", "dev", "--skip-build", "--port", "0"]);
  try {
    const serving = /docs: serving .* at (http:\/\/127\.0\.0\.1:\d+\/), rebuilding on changes \(Ctrl\+C stops\)/;
    await expect.poll(() => serving.exec(dev.output())?.[1], { timeout: 30_000, interval: 100 }).toBeTruthy();
    const url = serving.exec(dev.output())?.[1] ?? "";
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("ListJobExecutionsForJob");

    // What a terminal does on Ctrl-C: SIGINT to every process of the foreground group.
    process.kill(-(dev.child.pid ?? 0), "SIGINT");
    expect(await dev.exited, dev.output()).toEqual([0, null]);
    expect(dev.output()).not.toMatch(/ERR_PNPM|ELIFECYCLE|Command failed/);
    await expect(fetch(url)).rejects.toThrow();
  } finally {
    if (dev.child.exitCode === null && dev.child.signalCode === null) process.kill(-(dev.child.pid ?? 0), "SIGKILL");
  }
}, 60_000);
