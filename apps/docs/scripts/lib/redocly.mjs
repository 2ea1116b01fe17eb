// @ts-check
// Runs the pinned Redocly CLI (2.77.0: later releases need Node 22) as a child process.
import { spawn } from "node:child_process";
import { redoclyCli } from "./paths.mjs";

/**
 * Runs `redocly <args>` with telemetry and update notices off, and resolves once it exits 0. Its output is
 * kept and shown only when it fails, so a build log stays readable.
 * @param {string[]} args
 * @param {{ cwd: string }} options
 * @returns {Promise<void>}
 */
export function runRedocly(args, { cwd }) {
  const env = { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" };
  const child = spawn(process.execPath, [redoclyCli, ...args], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  /** @type {Buffer[]} */
  const output = [];
  child.stdout.on("data", (chunk) => output.push(chunk));
  child.stderr.on("data", (chunk) => output.push(chunk));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) return resolve();
      const log = Buffer.concat(output).toString("utf8").trim();
      reject(new Error(`redocly ${args[0]} exited with ${code}:\n${log}`));
    });
  });
}
