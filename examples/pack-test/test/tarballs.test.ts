// What we would publish, read back from the tarballs `pnpm pack` makes: the manifest a registry would serve, the
// files, the type declarations, and publint and attw run on the very same tarballs.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { exec } from "@iot-jobs/test-support/exec";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import ts from "typescript";
import { afterAll, beforeAll, expect, test } from "vitest";
import { type PackedPackage, packPackage, readPacked } from "../src/pack.js";
import { publishedPackages, repoRoot } from "../src/workspace.js";

let destination: string;
const packed = new Map<string, PackedPackage>();

beforeAll(async () => {
  destination = await mkdtemp(join(tmpdir(), "iot-jobs-tarballs-"));
  for (const { dir, name } of publishedPackages) packed.set(name, await packPackage(dir, destination));
});
afterAll(() => rm(destination, { recursive: true, force: true }));

const cases = publishedPackages.map((p) => [p.name, p] as const);
const pkg = (name: string) => packed.get(name)!;

test.each(cases)(
  "%s: the packed manifest has no workspace: or catalog: range and no private dependency",
  async (name, { dir }) => {
    const { manifest } = pkg(name);
    const source = JSON.parse(await readFile(join(repoRoot, dir, "package.json"), "utf8"));
    expect(manifest.name).toBe(source.name);
    expect(manifest.version).toBe(source.version);
    expect(JSON.stringify(manifest)).not.toMatch(/"(workspace|catalog):/);
    for (const field of ["dependencies", "peerDependencies", "optionalDependencies", "bundleDependencies"]) {
      expect(Object.keys(manifest[field] ?? {}), field).not.toContain("@iot-jobs/spec");
    }
    for (const [dep, range] of Object.entries({ ...manifest.dependencies, ...manifest.peerDependencies })) {
      // An optional peer (the mocks' vitest helper) may name a floor only: any vitest from that major on.
      const optional = manifest.peerDependenciesMeta?.[dep]?.optional === true;
      expect(range, `${dep} must have a registry range`).toMatch(
        optional ? /^(>=|[\^~])?\d+\.\d+\.\d+$/ : /^[\^~]?\d+\.\d+\.\d+$/,
      );
    }
  },
);

test.each(cases)("%s: license, repository, engines, ESM, sideEffects and a files allowlist", (name, { dir }) => {
  const { manifest } = pkg(name);
  expect(manifest.license).toBe("Apache-2.0");
  expect(manifest.repository).toEqual({
    type: "git",
    url: "git+https://github.com/iot-jobs/iot-jobs.git",
    directory: dir,
  });
  expect(manifest.engines).toEqual({ node: ">=20.19.0" });
  expect(manifest.type).toBe("module");
  expect(manifest.sideEffects).toBe(false);
  // A bin is a small committed file that loads dist (so that pnpm can link it before anything is built).
  expect(manifest.files).toEqual([...(manifest.bin ? ["bin"] : []), "dist", "README.md", "CHANGELOG.md"]);
  expect(manifest.description?.length).toBeGreaterThan(20);
});

test.each(cases)(
  "%s: the tarball holds dist, its bins, README, CHANGELOG, LICENSE and package.json, nothing else",
  async (name) => {
    const { files, tarball, manifest } = pkg(name);
    expect(files).toEqual(expect.arrayContaining(["README.md", "CHANGELOG.md", "LICENSE", "package.json"]));
    const bins = Object.values<string>(manifest.bin ?? {}).map((b) => b.replace(/^\.\//, ""));
    expect(
      files.filter((f) => !bins.includes(f) && !/^(dist\/.+|README\.md|CHANGELOG\.md|LICENSE|package\.json)$/.test(f)),
    ).toEqual([]);
    expect(await readPacked(tarball, "LICENSE")).toBe(await readFile(join(repoRoot, "LICENSE"), "utf8"));
    expect(await readPacked(tarball, "CHANGELOG.md")).toMatch(new RegExp(`^# ${name}\\n`));
  },
);

test.each(cases)("%s: every export names types first, and every file it names is in the tarball", (name) => {
  const { manifest, files } = pkg(name);
  expect(manifest.exports["./package.json"]).toBe("./package.json");
  const targets: string[] = [manifest.types, ...Object.values<string>(manifest.bin ?? {})];
  for (const [subpath, entry] of Object.entries<string | Record<string, string | null>>(manifest.exports)) {
    if (typeof entry === "string") {
      targets.push(entry);
      continue;
    }
    expect(Object.keys(entry)[0], `exports["${subpath}"]`).toBe("types");
    expect(Object.keys(entry).at(-1), `exports["${subpath}"]`).toBe("default");
    targets.push(...Object.values(entry).filter((t): t is string => t !== null));
  }
  for (const target of targets) expect(files, `${target} of ${name}`).toContain(target.replace(/^\.\//, ""));
});

test.each(cases)(
  "%s: the code and types import only their own files, node: built-ins and declared dependencies",
  async (name) => {
    const { manifest, files, tarball } = pkg(name);
    const declared = new Set([
      ...Object.keys(manifest.dependencies ?? {}),
      ...Object.keys(manifest.peerDependencies ?? {}),
    ]);
    const code = files.filter((f) => /\.(d\.ts|js)$/.test(f));
    expect(code.some((f) => f.endsWith(".d.ts"))).toBe(true);
    for (const file of code) {
      const text = await readPacked(tarball, file);
      expect(text, file).not.toContain("@iot-jobs/spec");
      // TypeScript's own scanner: real imports and exports only, not the examples in comments or strings.
      const specifiers = ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
      for (const specifier of specifiers) {
        if (specifier.startsWith("node:")) continue; // a bare "fs" would fail in Deno and in Node-compat bundlers
        if (specifier.startsWith(".")) {
          const target = join(dirname(file), specifier).replace(/\.js$/, file.endsWith(".d.ts") ? ".d.ts" : ".js");
          expect(files, `${file} imports ${specifier}`).toContain(target);
          continue;
        }
        const bare = specifier.startsWith("@") ? specifier.split("/").slice(0, 2).join("/") : specifier.split("/")[0]!;
        expect(declared, `${file} imports ${specifier}`).toContain(bare);
      }
    }
  },
);

test.each(cases)("%s: bins are executable node scripts", async (name) => {
  const { manifest, tarball } = pkg(name);
  for (const target of Object.values<string>(manifest.bin ?? {})) {
    expect(await readPacked(tarball, target.replace(/^\.\//, ""))).toMatch(/^#!\/usr\/bin\/env node\n/);
  }
});

test.each(cases)("%s: publint finds nothing in the tarball, not even a suggestion", async (name) => {
  const { tarball } = pkg(name);
  const bytes = await readFile(tarball);
  const data = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const { messages, pkg: manifest } = await publint({ pack: { tarball: data }, level: "suggestion", strict: true });
  expect(messages.map((m) => `${m.type}: ${formatMessage(m, manifest)}`)).toEqual([]);
});

test.each(cases)("%s: attw (esm-only profile) finds no type resolution problem in the tarball", async (name) => {
  const attw = join(repoRoot, "examples/pack-test/node_modules/.bin/attw");
  const args = [pkg(name).tarball, "--profile", "esm-only", "--no-definitely-typed", "--format", "json"];
  const { code, stdout, stderr } = await exec(attw, args);
  expect(code, `${stdout}\n${stderr}`).toBe(0);
  const { analysis, problems } = JSON.parse(stdout) as {
    analysis: { entrypoints: Record<string, unknown> };
    problems: Record<string, { resolutionKind?: string; entrypoint?: string }[]>;
  };
  // The esm-only profile leaves out the resolutions of CommonJS consumers (node10, node16 from require).
  const counted = Object.values(problems)
    .flat()
    .filter((p) => p.resolutionKind !== "node10" && p.resolutionKind !== "node16-cjs");
  expect(counted).toEqual([]);
  // Every subpath of `exports` was analysed.
  expect(Object.keys(analysis.entrypoints).sort()).toEqual(Object.keys(pkg(name).manifest.exports).sort());
});
