// Runs turbo tasks for the root scripts: output streamed as usual, `--continue` so that a failing package does
// not hide the others, and the failed tasks read back from turbo's own run summary (`--summarize`).
import { spawn } from "node:child_process";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";

/** Environment every root script gives turbo and the tools it starts: no telemetry, no update notices. */
export const quietEnv = {
  TURBO_TELEMETRY_DISABLED: "1",
  REDOCLY_TELEMETRY: "off",
  REDOCLY_SUPPRESS_UPDATE_NOTICE: "true",
  DO_NOT_TRACK: "1",
};

/** Runs `command args` with inherited stdio; resolves with its exit code (a signal counts as a failure). */
export function run(command, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env: { ...process.env, ...quietEnv, ...env } });
    child.on("error", (error) => {
      console.error(`cannot start ${command}: ${error.message}`);
      resolve(127);
    });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const runsDir = join(process.cwd(), ".turbo", "runs");
const summaries = () => {
  try {
    return readdirSync(runsDir).filter((f) => f.endsWith(".json"));
  } catch {
    return [];
  }
};

/**
 * `turbo run <tasks> --continue`: every task runs even after one failed. Resolves with turbo's exit code and
 * the ids (`@iot-jobs/client#test`) of the tasks that failed, as turbo's run summary records them. `wrapper`
 * runs turbo under another command (`["faketime", "+400 days"]`).
 */
export async function turbo(tasks, args = [], { env = {}, wrapper = [] } = {}) {
  const before = new Set(summaries());
  const command = [...wrapper, "turbo", "run", ...tasks, "--continue", "--no-update-notifier", "--summarize", ...args];
  const code = await run(command[0], command.slice(1), env);
  const written = summaries().filter((f) => !before.has(f));
  const failed = [];
  for (const file of written) {
    const summary = JSON.parse(readFileSync(join(runsDir, file), "utf8"));
    for (const task of summary.tasks) if (task.execution && task.execution.exitCode !== 0) failed.push(task.taskId);
    rmSync(join(runsDir, file));
  }
  if (code !== 0 && failed.length === 0) failed.push(`turbo run ${tasks.join(" ")} (exit ${code})`);
  return { code, failed };
}
