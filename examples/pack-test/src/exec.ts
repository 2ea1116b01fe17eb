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
}

/**
 * Runs a command to its end and resolves to its exit code and output; never rejects on a failing command, so the
 * test can show what the command said.
 *
 * @example
 * const result = await exec("pnpm", ["pack", "--json"], { cwd: "packages/client" });
 * expect(result.code, result.stderr).toBe(0);
 */
export function exec(command: string, args: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ["ignore", "pipe", "pipe"],
      timeout: options.timeoutMs ?? 120_000,
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
 * A command line for messages: `npm install --prefer-offline`.
 *
 * @example
 * expect(result.code, `${commandLine("tsc", args)} failed:\n${result.stdout}`).toBe(0);
 */
export const commandLine = (command: string, args: readonly string[]) => [command, ...args].join(" ");
