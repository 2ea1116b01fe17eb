// @ts-check
// Step 1 of `pnpm start`: build everything through turbo (generate, client, mocks, docs); a second run is a cache hit.
import { spawn } from "node:child_process";
import { repoRoot } from "./paths.mjs";

/**
 * Runs `pnpm run build` at the repository root, with turbo printing only errors and its summary.
 * @returns {Promise<void>} rejects with the exit code when the build fails
 * @example
 * await buildAll();
 */
export function buildAll() {
  return new Promise((resolve, reject) => {
    const child = spawn("pnpm", ["run", "--silent", "build", "--output-logs=errors-only"], {
      cwd: repoRoot,
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1", REDOCLY_TELEMETRY: "off" },
    });
    child.once("error", reject);
    child.once("close", (code) => (code === 0 ? resolve() : reject(new Error(`the build failed (exit ${code})`))));
  });
}
