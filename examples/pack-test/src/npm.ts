import { exec } from "./exec.js";

/** Variables of the runner that must not reach the outside project: pnpm's npm_* settings, vitest's own. */
const inherited = /^(npm_|pnpm_|PNPM_|VITEST|TINYPOOL|NODE_OPTIONS$|TEST$|INIT_CWD$)/;

/**
 * The environment of a command in the outside project: this machine's (PATH, HOME, proxies, CI), without what
 * pnpm and vitest put there for the workspace.
 *
 * @example
 * await exec("npm", ["install"], { cwd: project, env: npmEnv() });
 */
export function npmEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !inherited.test(key)));
}

/**
 * Whether the npm registry answers `npm ping` within 15 seconds.
 *
 * @example
 * if (!(await registryReachable())) console.warn("offline");
 */
export async function registryReachable(): Promise<boolean> {
  const { code } = await exec("npm", ["ping"], { env: npmEnv(), timeoutMs: 15_000 });
  return code === 0;
}
