import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { stripVTControlCharacters } from "node:util";

/** The repository's root folder, where a newcomer types `pnpm start`. */
export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

/** Variables pnpm and vitest set for this workspace run, kept away from the commands under test. */
const inherited =
  /^(npm_(command|execpath|node_execpath|lifecycle_\w+|package_\w+|config_user_agent|config_verify_deps_before_run)$|pnpm_config_|PNPM_|VITEST|TINYPOOL|NODE_OPTIONS$|TEST$|INIT_CWD$)/;

/**
 * The machine's environment without the workspace run's pnpm and vitest variables, plus `extra`.
 *
 * @example
 * spawn("pnpm", ["start"], { env: cleanEnv({ FORCE_COLOR: "0" }) });
 */
export const cleanEnv = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({
  ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !inherited.test(key))),
  ...extra,
});

/**
 * A running command whose output (stdout and stderr, colours dropped) is collected as it comes.
 *
 * @example
 * const run = startCommand("pnpm", ["start", "--serve"]);
 * await run.waitFor(/Serving until Ctrl-C/, 60_000);
 */
export interface RunningCommand {
  readonly child: ChildProcess;
  /** Everything printed so far. */
  output(): string;
  /** Resolves to the first match of `pattern` in the output, or rejects after `timeoutMs` or when it exits. */
  waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray>;
  /** Resolves to the exit code (null if killed by a signal). */
  readonly exited: Promise<number | null>;
}

/**
 * Starts a command in the repository root.
 *
 * @example
 * const run = startCommand("pnpm", ["start", "--once"]);
 * expect(await run.exited).toBe(0);
 */
export function startCommand(command: string, args: readonly string[]): RunningCommand {
  const child = spawn(command, args, { cwd: repoRoot, env: cleanEnv(), stdio: ["ignore", "pipe", "pipe"] });
  let text = "";
  const listeners = new Set<() => void>();
  const append = (chunk: Buffer) => {
    text += stripVTControlCharacters(chunk.toString("utf8"));
    for (const listener of listeners) listener();
  };
  child.stdout?.on("data", append);
  child.stderr?.on("data", append);
  const exited = new Promise<number | null>((resolve) => child.once("close", (code) => resolve(code)));
  return {
    child,
    output: () => text,
    exited,
    waitFor(pattern, timeoutMs) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(text);
          if (match) done(() => resolve(match));
        };
        const timer = setTimeout(
          () => done(() => reject(new Error(`no ${pattern} after ${timeoutMs} ms:\n${text}`))),
          timeoutMs,
        );
        const done = (settle: () => void) => {
          clearTimeout(timer);
          listeners.delete(check);
          settle();
        };
        listeners.add(check);
        void exited.then((code) => done(() => reject(new Error(`exited ${code} before ${pattern}:\n${text}`))));
        check();
      });
    },
  };
}
