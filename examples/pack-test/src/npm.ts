import { exec, outsideWorkspaceEnv } from "@iot-jobs/test-support/exec";

/**
 * The environment of a command in the outside project: this machine's (PATH, HOME, proxies, CI), without what
 * pnpm and vitest put there for the workspace.
 *
 * @example
 * await exec(process.execPath, ["out/main.js"], { cwd: project, env: npmEnv() });
 */
export const npmEnv = outsideWorkspaceEnv;

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
