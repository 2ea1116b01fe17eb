import { join } from "node:path";
import { commandLine, exec } from "@iot-jobs/test-support/exec";
import { repoRoot } from "./workspace.js";

/**
 * A package packed as it would be published.
 *
 * @example
 * const { tarball, files } = await packPackage("packages/client", dest);
 */
export interface PackedPackage {
  readonly name: string;
  readonly version: string;
  /** Absolute path of the `.tgz`. */
  readonly tarball: string;
  /** Paths inside the tarball, without the `package/` prefix, sorted. */
  readonly files: readonly string[];
  /** The package.json in the tarball (pnpm rewrote `workspace:` and `catalog:` ranges in it). */
  readonly manifest: Record<string, any>;
}

/**
 * Packs a workspace package with `pnpm pack` (not npm: only pnpm rewrites `workspace:` and `catalog:` ranges) into
 * `destination`, then reads the file list and the manifest back from the tarball itself with `tar`.
 *
 * @example
 * const client = await packPackage("packages/client", await mkdtemp(join(tmpdir(), "pack-")));
 */
export async function packPackage(dir: string, destination: string): Promise<PackedPackage> {
  const args = ["pack", "--pack-destination", destination, "--json"];
  const packed = await exec("pnpm", args, { cwd: join(repoRoot, dir) });
  if (packed.code !== 0) throw new Error(`${commandLine("pnpm", args)} in ${dir} failed:\n${packed.stderr}`);
  const { name, version, filename } = JSON.parse(packed.stdout) as { name: string; version: string; filename: string };
  const tarball = filename.startsWith("/") ? filename : join(destination, filename);
  const listed = await exec("tar", ["-tzf", tarball]);
  if (listed.code !== 0) throw new Error(`tar -tzf ${tarball} failed:\n${listed.stderr}`);
  const files = listed.stdout
    .split("\n")
    .filter(Boolean)
    .map((path) => path.replace(/^package\//, ""))
    .sort();
  return { name, version, tarball, files, manifest: JSON.parse(await readPacked(tarball, "package.json")) };
}

/**
 * The text of one file of a tarball.
 *
 * @example
 * const types = await readPacked(client.tarball, "dist/index.d.ts");
 */
export async function readPacked(tarball: string, path: string): Promise<string> {
  const result = await exec("tar", ["-xzOf", tarball, `package/${path}`]);
  if (result.code !== 0) throw new Error(`tar -xzOf ${tarball} package/${path} failed:\n${result.stderr}`);
  return result.stdout;
}
