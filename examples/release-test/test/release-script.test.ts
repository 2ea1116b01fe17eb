// `pnpm release` (scripts/release.mjs): a real release stops before building when changesets are pending or the
// tree is dirty (checked in a temporary copy), and the dry run CI uses builds and would publish exactly the public
// packages, with no network write (checked in the real tree: it only builds, a turbo cache hit, and packs).
import { readdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { exec, run } from "../src/exec.js";
import { addProbeChangeset, commitAll, copyRepo, repoRoot } from "../src/temp-repo.js";

let copy: string;

beforeAll(async () => {
  copy = await copyRepo();
  await addProbeChangeset(copy);
});
afterAll(() => rm(copy, { recursive: true, force: true }));

const all = (r: { stdout: string; stderr: string }) => `${r.stdout}\n${r.stderr}`;

test("a real release refuses pending changesets before building anything", async () => {
  const result = await exec(process.execPath, ["scripts/release.mjs"], { cwd: copy });
  expect(result.code, all(result)).toBe(1);
  expect(result.stderr).toMatch(
    /release: \d+ pending changeset\(s\) \(.+\.md\): run `pnpm changeset version` and commit/,
  );
  expect(result.stdout).not.toContain("release: build");
});

test("a real release refuses a working tree that is not clean", async () => {
  await run("pnpm", ["changeset", "version"], copy);
  await commitAll(copy, "version packages");
  await writeFile(join(copy, "stray.txt"), "not committed\n");
  const result = await exec(process.execPath, ["scripts/release.mjs"], { cwd: copy });
  expect(result.code, all(result)).toBe(1);
  expect(result.stderr).toContain("release: the working tree is not clean");
  expect(result.stderr).toContain("?? stray.txt");
  expect(result.stdout).not.toContain("release: build");
});

test("a bad flag exits 2 with the usage", async () => {
  const result = await exec(process.execPath, ["scripts/release.mjs", "--dryrun"], { cwd: copy });
  expect(result.code).toBe(2);
  expect(result.stderr).toContain("Usage: pnpm release [--dry-run] [--skip-tests]");
});

test("the dry run builds and would publish the two public packages, and nothing private", async () => {
  const result = await exec(process.execPath, ["scripts/release.mjs", "--dry-run", "--skip-tests"], { cwd: repoRoot });
  const text = all(result);
  expect(result.code, text).toBe(0);
  const steps = [...text.matchAll(/^release: ([a-z ()]+): pnpm /gm)].map((m) => m[1]);
  expect(steps).toEqual(["build", "publish (dry run)"]);
  expect(text).toContain("release: test: skipped (--skip-tests)");
  const published = [...text.matchAll(/^\+ (@iot-jobs\/[\w-]+)@(\d+\.\d+\.\d+)$/gm)].map((m) => m[1]).sort();
  expect(published).toEqual(["@iot-jobs/client", "@iot-jobs/mocks"]);
  for (const name of published) {
    const block = text.slice(
      text.indexOf(`📦  ${name}@`),
      text.indexOf("Tarball Details", text.indexOf(`📦  ${name}@`)),
    );
    for (const file of ["LICENSE", "README.md", "CHANGELOG.md", "package.json", "dist/index.js", "dist/index.d.ts"]) {
      expect(block, `${name} would publish ${file}`).toMatch(new RegExp(`npm notice [\\d.]+k?B ${file}\\n`));
    }
  }
  expect(text).toMatch(/with tag latest and public access \(dry-run\)/);
  expect(text).toContain("release: dry run done: nothing was published, no tag was made");
  for (const dir of ["packages/client", "packages/mocks"]) {
    expect(
      (await readdir(join(repoRoot, dir))).filter((f) => f.endsWith(".tgz")),
      dir,
    ).toEqual([]);
  }
});
