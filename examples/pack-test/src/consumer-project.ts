import { cp, mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { PackedPackage } from "./pack.js";
import { readWorkspaceConfig, repoRoot } from "./workspace.js";

/** The outside project's own files (tsconfigs, an entry-point check, a seed), beside this module. */
const templateDir = fileURLToPath(new URL("../consumer/", import.meta.url));

/** Files taken from the examples, so that they are proven against the tarballs too: [from, to]. */
const exampleFiles = [
  ["examples/outside-team-vitest/src/rollout-gate.ts", "src/rollout-gate.ts"],
  ["examples/outside-team-vitest/src/rollout-gate.test.ts", "src/rollout-gate.test.ts"],
  ["examples/outside-team-vitest/test/iot-mock.ts", "test/iot-mock.ts"],
  ["examples/outside-team-vitest/src/fast-retries.test.ts", "src/fast-retries.test.ts"],
  ["examples/outside-team-vitest/vitest.config.ts", "vitest.config.ts"],
  ["examples/list-executions/list-executions.mjs", "list-executions.mjs"],
] as const;

/**
 * Writes an outside team's project into `dir` (outside the workspace): its package.json depends on the tarballs
 * (`file:`), its tools come from the registry at the workspace's pinned versions, with the workspace's Node 20
 * overrides; its sources are the consumer template plus the two examples.
 *
 * @example
 * await writeConsumerProject(dir, { client, mocks });
 */
export async function writeConsumerProject(
  dir: string,
  tarballs: { readonly client: PackedPackage; readonly mocks: PackedPackage },
): Promise<void> {
  const { catalog, overrides } = await readWorkspaceConfig();
  const manifest = {
    name: "outside-team",
    version: "1.0.0",
    private: true,
    type: "module",
    scripts: { test: "vitest run" },
    dependencies: { "@iot-jobs/client": `file:${tarballs.client.tarball}` },
    devDependencies: {
      "@iot-jobs/mocks": `file:${tarballs.mocks.tarball}`,
      "@types/node": catalog["@types/node"],
      msw: catalog.msw,
      typescript: catalog.typescript,
      vitest: catalog.vitest,
    },
    overrides,
  };
  await cp(templateDir, dir, { recursive: true });
  await writeFile(join(dir, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  for (const [from, to] of exampleFiles) {
    await mkdir(join(dir, to, ".."), { recursive: true });
    await cp(join(repoRoot, from), join(dir, to));
  }
}
