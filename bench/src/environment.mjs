// What a result depends on besides the code measured: versions, machine, load, and the state of the tree.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { arch, cpus, loadavg, platform, release, totalmem } from "node:os";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));

/**
 * The version of an installed package, read from the package.json that Node resolves from the bench package.
 *
 * @param {string} name
 * @example packageVersion("aws4fetch") // "1.0.20"
 */
export function packageVersion(name) {
  try {
    const url = import.meta.resolve(`${name}/package.json`);
    return /** @type {string} */ (JSON.parse(readFileSync(new URL(url), "utf8")).version);
  } catch {
    // Packages that do not export ./package.json: walk up from their entry point.
    const entry = fileURLToPath(import.meta.resolve(name));
    const at = entry.lastIndexOf(`/node_modules/${name}/`);
    if (at < 0) return "unknown";
    const file = `${entry.slice(0, at)}/node_modules/${name}/package.json`;
    return /** @type {string} */ (JSON.parse(readFileSync(file, "utf8")).version);
  }
}

/** @param {string[]} args */
const git = (args) => {
  try {
    return execFileSync("git", args, { cwd: root, encoding: "utf8" }).trim();
  } catch {
    return null;
  }
};

/**
 * The load average right now, rounded.
 *
 * @example load() // [1.02, 0.87, 0.95]
 */
export const load = () => loadavg().map((x) => Math.round(x * 100) / 100);

/**
 * Versions of everything measured, the machine and the tree.
 *
 * @example const { machine, versions } = environment();
 */
export function environment() {
  const cpu = cpus();
  const dirty = git(["status", "--porcelain", "--", "packages/client/src", "packages/mocks/src"]);
  return {
    date: new Date().toISOString(),
    machine: {
      cpus: cpu.length,
      cpuModel: cpu[0]?.model ?? "unknown",
      memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
      os: `${platform()} ${release()} ${arch()}`,
    },
    versions: {
      node: process.version,
      "@iot-jobs/client": packageVersion("@iot-jobs/client"),
      "@iot-jobs/mocks": packageVersion("@iot-jobs/mocks"),
      "@aws-sdk/client-iot": packageVersion("@aws-sdk/client-iot"),
      "openapi-fetch": packageVersion("openapi-fetch"),
      aws4fetch: packageVersion("aws4fetch"),
      esbuild: packageVersion("esbuild"),
    },
    tree: {
      commit: git(["rev-parse", "--short", "HEAD"]),
      // The client may be measured while someone edits it: say so in the results.
      uncommittedSourceFiles: dirty ? dirty.split("\n").length : 0,
    },
  };
}
