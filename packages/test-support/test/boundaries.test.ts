// The architecture's boundaries are lint rules (the overrides of the root biome.json), so `pnpm lint` fails when
// one is crossed. Each rule is proved to fire: forbidden imports are written into a scratch copy of the
// configuration under the system temp folder (never into the real tree) and linted with the repository's Biome;
// their allowed neighbours stay clean, and the real packages pass.
import { copyFile, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, test } from "vitest";
import { exec, run } from "../src/exec.js";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
const biome = createRequire(import.meta.url).resolve("@biomejs/biome/bin/biome");
/** The rules the boundaries are made of; other rules (formatting, style) are not this suite's business. */
const BOUNDARY_RULES = ["style/noRestrictedImports", "correctness/noNodejsModules", "style/noRestrictedGlobals"];

interface Diagnostic {
  category: string;
  message: string;
  location: { path: string };
}
const isBoundary = (d: Diagnostic) => BOUNDARY_RULES.some((rule) => d.category === `lint/${rule}`);

/** Lints `paths` below `cwd` with the repository's Biome and returns its diagnostics. */
async function lint(cwd: string, args: string[]): Promise<Diagnostic[]> {
  const result = await exec(process.execPath, [biome, "lint", "--reporter=json", "--max-diagnostics=none", ...args], {
    cwd,
    stripEscapes: false,
  });
  // Biome exits 1 on errors: the report on stdout is what counts, and it must be there.
  expect(result.stdout, result.stderr).toMatch(/^\{/);
  return (JSON.parse(result.stdout) as { diagnostics: Diagnostic[] }).diagnostics;
}

const imports = (specifier: string) => `import { x } from "${specifier}";\nexport const probe = [x];\n`;
const CLIENT_NO_MOCKS = "The client must never depend on the mocks";
const MOCKS_NO_CLIENT = "The mocks must never depend on the client";
const OUTSIDE = "packages/ never import apps/, examples/ or bench/";
const TEST_ONLY = "@iot-jobs/test-support is private and for tests only";
const CORE_NOT_BROWSER = "core runs in Node too";
const CORE_NOT_NODE = "core runs in browsers too";

/** A probe file: where it sits, what it holds, and the boundary diagnostic it must get (`null`: none). */
const probes: [string, { path: string; source: string; want: { rule: string; message?: string } | null }][] = [
  [
    "the client's source imports the mocks",
    {
      path: "packages/client/src/probe.ts",
      source: imports("@iot-jobs/mocks"),
      want: { rule: "style/noRestrictedImports", message: CLIENT_NO_MOCKS },
    },
  ],
  [
    "the client's source imports an entry of the mocks",
    {
      path: "packages/client/src/signers/probe.ts",
      source: imports("@iot-jobs/mocks/node"),
      want: { rule: "style/noRestrictedImports", message: CLIENT_NO_MOCKS },
    },
  ],
  [
    "the mocks' source imports the client",
    {
      path: "packages/mocks/src/node/probe.ts",
      source: imports("@iot-jobs/client"),
      want: { rule: "style/noRestrictedImports", message: MOCKS_NO_CLIENT },
    },
  ],
  [
    "the mocks' core imports the client",
    {
      path: "packages/mocks/src/core/probe-client.ts",
      source: imports("@iot-jobs/client"),
      want: { rule: "style/noRestrictedImports", message: MOCKS_NO_CLIENT },
    },
  ],
  [
    "the mocks' core imports a node: module",
    {
      path: "packages/mocks/src/core/request/paging/probe.ts",
      source: imports("node:crypto"),
      want: { rule: "correctness/noNodejsModules" },
    },
  ],
  [
    "the mocks' core imports a bare Node builtin",
    {
      path: "packages/mocks/src/core/probe-fs.ts",
      source: imports("fs"),
      want: { rule: "correctness/noNodejsModules" },
    },
  ],
  [
    "the mocks' core uses the DOM's document",
    {
      path: "packages/mocks/src/core/probe-document.ts",
      source: "export const probe = document.title;\n",
      want: { rule: "style/noRestrictedGlobals" },
    },
  ],
  [
    "the mocks' core imports msw/browser",
    {
      path: "packages/mocks/src/core/probe-msw.ts",
      source: imports("msw/browser"),
      want: { rule: "style/noRestrictedImports", message: CORE_NOT_BROWSER },
    },
  ],
  [
    "the mocks' core imports the browser layer",
    {
      path: "packages/mocks/src/core/request/http/probe.ts",
      source: imports("../../../browser/setup-iot-jobs-worker.js"),
      want: { rule: "style/noRestrictedImports", message: CORE_NOT_BROWSER },
    },
  ],
  [
    "the mocks' core imports the Node layer",
    {
      path: "packages/mocks/src/core/probe-node-layer.ts",
      source: imports("../node/start-mock-server.js"),
      want: { rule: "style/noRestrictedImports", message: CORE_NOT_NODE },
    },
  ],
  [
    "a package's test imports the docs app",
    {
      path: "packages/client/test/probe.ts",
      source: imports("../../../apps/docs/scripts/lib/paths.mjs"),
      want: { rule: "style/noRestrictedImports", message: OUTSIDE },
    },
  ],
  [
    "a package's test imports an example",
    {
      path: "packages/mocks/test/interop/probe.ts",
      source: imports("../../../../examples/demo/src/walk.mjs"),
      want: { rule: "style/noRestrictedImports", message: OUTSIDE },
    },
  ],
  [
    "a package's source imports the bench",
    {
      path: "packages/mocks/src/probe.ts",
      source: imports("../../../bench/src/stats.mjs"),
      want: { rule: "style/noRestrictedImports", message: OUTSIDE },
    },
  ],
  [
    "a package imports the docs app by name",
    {
      path: "packages/client/src/probe-docs.ts",
      source: imports("@iot-jobs/docs"),
      want: { rule: "style/noRestrictedImports", message: OUTSIDE },
    },
  ],
  [
    "a published package's source imports the test support",
    {
      path: "packages/client/src/probe-support.ts",
      source: imports("@iot-jobs/test-support/exec"),
      want: { rule: "style/noRestrictedImports", message: TEST_ONLY },
    },
  ],
  [
    "allowed: the client's tests use the mocks",
    { path: "packages/client/test/contract/probe.ts", source: imports("@iot-jobs/mocks/node"), want: null },
  ],
  [
    "allowed: the mocks' Node layer imports node: modules",
    { path: "packages/mocks/src/node/probe-crypto.ts", source: imports("node:crypto"), want: null },
  ],
  [
    "allowed: the mocks' browser layer imports msw/browser",
    { path: "packages/mocks/src/browser/probe.ts", source: imports("msw/browser"), want: null },
  ],
  [
    "allowed: a package's own test/bench folder",
    { path: "packages/mocks/test/interop/probe-bench.ts", source: imports("../bench/measure.mjs"), want: null },
  ],
  [
    "allowed: a package's tests read the spec's examples",
    { path: "packages/client/test/probe-spec.ts", source: imports("../../../spec/examples/x.json"), want: null },
  ],
  [
    "allowed: tests import the test support",
    { path: "packages/mocks/test/probe-support.ts", source: imports("@iot-jobs/test-support/chromium"), want: null },
  ],
];

let scratch: string;
let found: Diagnostic[];

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), "iot-jobs-boundaries-"));
  // Every Biome configuration of the repository (a package may extend the root's), and the ignore file the root
  // configuration asks for.
  const configs = (
    await run(
      "git",
      ["ls-files", "--cached", "--others", "--exclude-standard", "biome.json", "*/biome.json", ".gitignore"],
      { cwd: repoRoot },
    )
  )
    .split("\n")
    .filter(Boolean);
  expect(configs).toContain("biome.json");
  for (const file of [...configs, ...probes.map(([, probe]) => probe.path)]) {
    await mkdir(dirname(join(scratch, file)), { recursive: true });
  }
  for (const file of configs) await copyFile(join(repoRoot, file), join(scratch, file));
  for (const [, probe] of probes) await writeFile(join(scratch, probe.path), probe.source);
  found = await lint(
    scratch,
    probes.map(([, probe]) => probe.path),
  );
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

test.each(probes)("%s", (_, { path, want }) => {
  const boundary = found.filter((d) => d.location.path === path && isBoundary(d));
  if (want === null) {
    expect(boundary).toEqual([]);
    return;
  }
  expect(boundary.map((d) => d.category)).toContain(`lint/${want.rule}`);
  if (want.message) expect(boundary.map((d) => d.message).join("\n")).toContain(want.message);
});

test("the real packages cross no boundary", async () => {
  // The configuration as it is (no `--only`, which would switch a rule on where the configuration has it off).
  const diagnostics = (await lint(repoRoot, ["packages"])).filter(isBoundary);
  expect(diagnostics.map((d) => `${d.location.path}: ${d.category}: ${d.message}`)).toEqual([]);
});
