import { spawn } from "node:child_process";

/** What a peer process printed, and how it exited. */
export interface PeerRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a peer (python3, the aws CLI) to completion without blocking the event loop: the mock server answering it
 * lives in the test's own process, so `spawnSync` would deadlock.
 * @example
 * const { status, stdout } = await runPeer("aws", ["iot", "list-job-executions-for-job", "--job-id", "fleet"], env);
 */
export function runPeer(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  options: { readonly cwd?: string } = {},
): Promise<PeerRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, cwd: options.cwd, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c) => (stdout += c));
    child.stderr.on("data", (c) => (stderr += c));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}
