import { type ExecResult, exec as execWith, run as runWith } from "@iot-jobs/test-support/exec";

/** Variables pnpm and vitest set for the workspace, kept away from commands run in the copy. */
const inherited =
  /^(npm_(command|execpath|node_execpath|lifecycle_\w+|package_\w+|config_user_agent|config_verify_deps_before_run)$|pnpm_config_|PNPM_|VITEST|TINYPOOL|NODE_OPTIONS$|TEST$|INIT_CWD$)/;

/** The machine's environment, without the workspace's pnpm and vitest variables. */
const machineEnv = (): NodeJS.ProcessEnv =>
  Object.fromEntries(Object.entries(process.env).filter(([key]) => !inherited.test(key)));

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
  return execWith(command, args, { cwd: options.cwd, env: machineEnv(), timeoutMs: options.timeoutMs ?? 170_000 });
}

/**
 * Like {@link exec}, but throws with the command's output when it fails.
 *
 * @example
 * await run("git", ["commit", "-qm", "snapshot"], repo);
 */
export const run = (command: string, args: readonly string[], cwd: string): Promise<string> =>
  runWith(command, args, { cwd, env: machineEnv(), timeoutMs: 170_000 });
