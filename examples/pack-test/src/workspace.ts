import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

/** The repository's root folder. */
export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

/** The published packages: workspace folder and name. */
export const publishedPackages = [
  { dir: "packages/client", name: "@iot-jobs/client" },
  { dir: "packages/mocks", name: "@iot-jobs/mocks" },
] as const;

/**
 * The pinned tool versions (`catalog:`) and the overrides of `pnpm-workspace.yaml`: the outside project uses the
 * same versions, and needs the same Node 20 pins of msw's prompt dependencies.
 *
 * @example
 * const { catalog } = await readWorkspaceConfig();
 * catalog.vitest; // "4.1.12"
 */
export async function readWorkspaceConfig(): Promise<{
  catalog: Record<string, string>;
  overrides: Record<string, string>;
}> {
  const doc = parse(await readFile(join(repoRoot, "pnpm-workspace.yaml"), "utf8")) as {
    catalog?: Record<string, string>;
    overrides?: Record<string, string>;
  };
  return { catalog: doc.catalog ?? {}, overrides: doc.overrides ?? {} };
}
