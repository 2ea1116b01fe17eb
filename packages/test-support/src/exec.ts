// Commands run to their end from tests: packing, installing, git, changesets, peers such as python3.
import { spawn } from "node:child_process";
import { stripVTControlCharacters } from "node:util";

/**
 * What a finished command left behind.
 *
 * @example
 * const { code, stdout } = await exec("tar", ["-tzf", tarball]);
 */
export interface ExecResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Options of {@link exec}.
 *
 * @example
 * await exec("npm", ["install"], { cwd: project, timeoutMs: 180_000 });
 */
export interface ExecOptions {
  readonly cwd?: string;
  /** Replaces the environment (use `{ ...process.env, ... }` to extend it). @default process.env */
  readonly env?: NodeJS.ProcessEnv;
  /** Kills the command after this long; the result then has `code: null`. @default 120000 */
  readonly timeoutMs?: number;
  /** Written to the command's stdin, which is then closed. @default nothing (stdin ignored) */
  readonly input?: string;
  /** Drops colours and other terminal escapes (turbo sets FORCE_COLOR for its tasks): tests read text. @default true */
  readonly stripEscapes?: boolean;
}

/** Variables pnpm and vitest set for the workspace's own run; the machine's (PATH, HOME, npm_config_*, CI) stay. */
const workspaceVariables =
  /^(npm_(command|execpath|node_execpath|lifecycle_\w+|package_\w+|config_user_agent|config_verify_deps_before_run)$|pnpm_config_|PNPM_|VITEST|TINYPOOL|NODE_OPTIONS$|TEST$|INIT_CWD$)/;

/**
 * The machine's environment without what pnpm and vitest put there for the workspace run: for commands that must
 * behave as they would outside it (an outside project's npm, changesets in a copy of the repository).
 *
 * @example
 * await exec("npm", ["install"], { cwd: project, env: outsideWorkspaceEnv() });
 */
export function outsideWorkspaceEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !workspaceVariables.test(key)));
}

/**
 * Runs a command to its end and resolves to its exit code and output; never rejects on a failing command, so the
 * test can show what the command said. It does not block the event loop: a server the command talks to can live in
 * the test's own process.
 *
 * @example
 * const result = await exec("pnpm", ["pack", "--json"], { cwd: "packages/client" });
 * expect(result.code, result.stderr).toBe(0);
 */
export function exec(command: string, args: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
  const clean = options.stripEscapes === false ? (text: string) => text : stripVTControlCharacters;
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: [options.input === undefined ? "ignore" : "pipe", "pipe", "pipe"],
      timeout: options.timeoutMs ?? 120_000,
    });
    let stdout = "";
    let stderr = "";
    // Both pipes exist: stdout and stderr are always "pipe" above.
    child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr!.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stdout: clean(stdout), stderr: clean(stderr) }));
    if (options.input !== undefined) child.stdin?.end(options.input);
  });
}

/**
 * Like {@link exec}, but resolves to stdout and throws with the command's stderr when it fails.
 *
 * @example
 * await run("git", ["commit", "-qm", "snapshot"], { cwd: repo });
 */
export async function run(command: string, args: readonly string[], options: ExecOptions = {}): Promise<string> {
  const result = await exec(command, args, options);
  if (result.code !== 0) throw new Error(`${commandLine(command, args)} failed (${result.code}):\n${result.stderr}`);
  return result.stdout;
}

/**
 * A command line for messages: `npm install --prefer-offline`.
 *
 * @example
 * expect(result.code, `${commandLine("tsc", args)} failed:\n${result.stdout}`).toBe(0);
 */
export const commandLine = (command: string, args: readonly string[]): string => [command, ...args].join(" ");
