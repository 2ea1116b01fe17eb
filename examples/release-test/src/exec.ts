import { type ExecResult, exec as execWith, outsideWorkspaceEnv, run as runWith } from "@iot-jobs/test-support/exec";

/**
 * Runs a command to its end (never rejects on a failing command) in the machine's environment, without the
 * workspace's pnpm and vitest variables.
 *
 * @example
 * const result = await exec("pnpm", ["changeset", "version"], { cwd: repo });
 * expect(result.code, result.stderr).toBe(0);
 */
export function exec(
  command: string,
  args: readonly string[],
  options: { readonly cwd: string; readonly timeoutMs?: number },
): Promise<ExecResult> {
  return execWith(command, args, {
    cwd: options.cwd,
    env: outsideWorkspaceEnv(),
    timeoutMs: options.timeoutMs ?? 170_000,
  });
}

/**
 * Like {@link exec}, but throws with the command's output when it fails.
 *
 * @example
 * await run("git", ["commit", "-qm", "snapshot"], repo);
 */
export const run = (command: string, args: readonly string[], cwd: string): Promise<string> =>
  runWith(command, args, { cwd, env: outsideWorkspaceEnv(), timeoutMs: 170_000 });
