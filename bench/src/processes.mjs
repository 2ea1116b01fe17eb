// Child processes of the suite: servers that print their URL, and bounded one-shot commands. Every child is
// killed when this process exits, whatever happens, so a failed run never leaves a server behind.
import { spawn } from "node:child_process";

/** @type {Set<import("node:child_process").ChildProcess>} */
const children = new Set();
process.on("exit", () => {
  for (const child of children) child.kill("SIGKILL");
});

/**
 * @typedef {object} Server
 * @property {string} url the base URL the server printed
 * @property {import("node:child_process").ChildProcess} child
 * @property {() => Promise<void>} stop SIGTERM, then SIGKILL after 2 s
 */

/**
 * Starts a server process and resolves once it prints a URL matching `pattern` (first capture group).
 *
 * @param {string} command
 * @param {string[]} args
 * @param {{ pattern: RegExp, timeoutMs?: number, env?: NodeJS.ProcessEnv, ipc?: boolean }} options
 * @returns {Promise<Server>}
 * @example const moto = await startServer("moto_server", ["-H", "127.0.0.1", "-p", "0"], { pattern: /Running on (\S+)/ });
 */
export function startServer(command, args, { pattern, timeoutMs = 30_000, env = process.env, ipc = false }) {
  /** @type {import("node:child_process").StdioOptions} */
  const stdio = ipc ? ["ignore", "pipe", "pipe", "ipc"] : ["ignore", "pipe", "pipe"];
  /** @type {import("node:child_process").ChildProcess} */
  const child = spawn(command, args, { env, stdio });
  children.add(child);
  child.on("exit", () => children.delete(child));
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve(undefined);
      const timer = setTimeout(() => child.kill("SIGKILL"), 2_000);
      child.once("exit", () => {
        clearTimeout(timer);
        resolve(undefined);
      });
      child.kill("SIGTERM");
    });
  return new Promise((resolve, reject) => {
    let log = "";
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`${command}: no URL printed within ${timeoutMs} ms: ${log.slice(-500)}`));
    }, timeoutMs);
    const onData = (/** @type {Buffer} */ chunk) => {
      if (log.length < 100_000) log += chunk;
      const match = pattern.exec(log);
      if (match?.[1]) {
        clearTimeout(timer);
        // Keep draining the pipes, so that a chatty server never blocks on a full pipe.
        child.stdout?.removeListener("data", onData);
        child.stderr?.removeListener("data", onData);
        child.stdout?.resume();
        child.stderr?.resume();
        resolve({ url: match[1], child, stop: /** @type {() => Promise<void>} */ (stop) });
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${command} exited (${code ?? signal}) before printing its URL: ${log.slice(-500)}`));
    });
  });
}

/**
 * Runs a command to completion, killed after `timeoutMs`. Never rejects on a non-zero exit: the caller decides.
 *
 * @param {string} command
 * @param {string[]} args
 * @param {{ timeoutMs: number, env?: NodeJS.ProcessEnv, input?: string }} options
 * @returns {Promise<{ status: number | null, signal: string | null, stdout: string, stderr: string, timedOut: boolean }>}
 * @example const { status, stdout } = await run("python3", ["-c", "print(1)"], { timeoutMs: 5_000 });
 */
export function run(command, args, { timeoutMs, env = process.env, input }) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: [input === undefined ? "ignore" : "pipe", "pipe", "pipe"] });
    children.add(child);
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.stdout?.on("data", (c) => (stdout += c));
    child.stderr?.on("data", (c) => (stderr += c));
    if (input !== undefined) child.stdin?.end(input);
    child.on("error", (error) => {
      clearTimeout(timer);
      children.delete(child);
      reject(error);
    });
    child.on("close", (status, signal) => {
      clearTimeout(timer);
      children.delete(child);
      resolve({ status, signal, stdout, stderr, timedOut });
    });
  });
}

/**
 * Whether a command can be started at all (e.g. `moto_server --help`), without throwing.
 *
 * @param {string} command
 * @param {string[]} args
 * @example if (!(await available("python3", ["-c", "import boto3"]))) skip("python3 with boto3");
 */
export async function available(command, args) {
  try {
    return (await run(command, args, { timeoutMs: 30_000 })).status === 0;
  } catch {
    return false;
  }
}
