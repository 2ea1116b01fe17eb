import { exec } from "./exec.js";

/** What pnpm and vitest set for the workspace run; the machine's own npm_config_* (registry, cache, proxy) stay. */
const inherited =
  /^(npm_(command|execpath|node_execpath|lifecycle_\w+|package_\w+|config_user_agent|config_verify_deps_before_run)$|pnpm_config_|PNPM_|VITEST|TINYPOOL|NODE_OPTIONS$|TEST$|INIT_CWD$)/;

/**
 * The environment of a command in the outside project: this machine's (PATH, HOME, proxies, CI), without what
 * pnpm and vitest put there for the workspace.
 *
 * @example
 * await exec(process.execPath, ["out/main.js"], { cwd: project, env: npmEnv() });
 */
export function npmEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !inherited.test(key)));
}

/** libfaketime's variables: a suite run under a shifted clock (`pnpm test:clock`) sets them. */
const shiftedClock = /^(LD_PRELOAD|FAKETIME\w*|DONT_FAKE_MONOTONIC|NO_FAKE_CACHE)$/;

/**
 * {@link npmEnv} on the real clock, for commands that reach the npm registry: TLS certificates are checked against
 * the system clock, so an install under a clock shifted by libfaketime fails for reasons that are not ours. The
 * commands that test the packages themselves keep the shifted clock.
 *
 * @example
 * await exec("npm", ["install"], { cwd: project, env: registryEnv() });
 */
export function registryEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(npmEnv()).filter(([key]) => !shiftedClock.test(key)));
}

/**
 * Whether the npm registry answers `npm ping` within 15 seconds.
 *
 * @example
 * if (!(await registryReachable())) console.warn("offline");
 */
export async function registryReachable(): Promise<boolean> {
  const { code } = await exec("npm", ["ping"], { env: registryEnv(), timeoutMs: 15_000 });
  return code === 0;
}
