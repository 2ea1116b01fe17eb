import { spawn } from "node:child_process";
import { stripVTControlCharacters } from "node:util";

/**
 * What a finished command left behind.
 *
 * @example
 * const { code, stdout } = await exec("git", ["status", "--porcelain"], { cwd: repo });
 */
export interface ExecResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Variables pnpm and vitest set for the workspace, kept away from commands run in the copy. */
const inherited =
  /^(npm_(command|execpath|node_execpath|lifecycle_\w+|package_\w+|config_user_agent|config_verify_deps_before_run)$|pnpm_config_|PNPM_|VITEST|TINYPOOL|NODE_OPTIONS$|TEST$|INIT_CWD$)/;

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
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !inherited.test(key)));
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env,
      stdio: ["ignore", "pipe", "pipe"],
      timeout: options.timeoutMs ?? 170_000,
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    child.once("error", reject);
    // Colours (turbo sets FORCE_COLOR for its tasks) are dropped: tests read the text.
    child.once("close", (code) =>
      resolve({ code, stdout: stripVTControlCharacters(stdout), stderr: stripVTControlCharacters(stderr) }),
    );
  });
}

/**
 * Like {@link exec}, but throws with the command's output when it fails.
 *
 * @example
 * await run("git", ["commit", "-qm", "snapshot"], repo);
 */
export async function run(command: string, args: readonly string[], cwd: string): Promise<string> {
  const result = await exec(command, args, { cwd });
  if (result.code !== 0) throw new Error(`${[command, ...args].join(" ")} failed (${result.code}):\n${result.stderr}`);
  return result.stdout;
}
