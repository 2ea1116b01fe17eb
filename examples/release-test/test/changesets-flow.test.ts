// The changesets flow end to end, in a temporary copy of the repository (never the real tree): `changeset status`
// against `main`, `changeset version` bumping exactly what the pending changesets ask for and writing the
// CHANGELOGs, and the guard that stops a package change without a changeset. Expectations come from reading the
// changeset files here, not from changesets itself.
import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { nextVersion, type PendingChangeset, readPendingChangesets } from "../src/changesets.js";
import { exec, run } from "../src/exec.js";
import { addProbeChangeset, commitAll, copyRepo } from "../src/temp-repo.js";

interface Manifest {
  readonly name: string;
  readonly version: string;
  readonly private?: boolean;
}

let repo: string;
let pending: PendingChangeset[];
/** Every workspace package's manifest before `changeset version`, by folder. */
const before = new Map<string, Manifest>();

beforeAll(async () => {
  repo = await copyRepo();
  await addProbeChangeset(repo); // besides whatever is pending in the working tree
  pending = await readPendingChangesets(repo);
  const manifests = (await run("git", ["ls-files", "package.json", "*/package.json"], repo))
    .split("\n")
    .filter(Boolean);
  for (const file of manifests) before.set(file, JSON.parse(await readFile(join(repo, file), "utf8")));
});
afterAll(() => rm(repo, { recursive: true, force: true }));

/** `text` up to the first `marker` found from `from` on, or all of it. */
const upTo = (text: string, marker: string, from = 0) => {
  const at = text.indexOf(marker, from);
  return at === -1 ? text : text.slice(0, at);
};
const manifest = async (file: string): Promise<Manifest> => JSON.parse(await readFile(join(repo, file), "utf8"));
const publicPackages = () => [...before].filter(([file, m]) => file !== "package.json" && !m.private);

test("the pending changesets (ours included) name public packages only", () => {
  expect(pending.map((c) => c.file)).toContain("release-test-probe.md");
  const names = new Set(publicPackages().map(([, m]) => m.name));
  for (const { file, releases } of pending) {
    expect(Object.keys(releases).length, file).toBeGreaterThan(0);
    for (const [name, bump] of Object.entries(releases)) {
      expect(names, `${file} releases ${name}`).toContain(name);
      expect(["major", "minor", "patch"], `${file}: ${name}`).toContain(bump);
    }
  }
});

test("changeset status reads them against the main branch", async () => {
  const result = await exec("pnpm", ["changeset", "status", "--output=status.json"], { cwd: repo });
  expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
  const status = JSON.parse(await readFile(join(repo, "status.json"), "utf8")) as {
    changesets: { id: string }[];
    releases: { name: string; type: string }[];
  };
  await rm(join(repo, "status.json"));
  expect(status.changesets.map((c) => `${c.id}.md`).sort()).toEqual(pending.map((c) => c.file));
  const released = new Set(pending.flatMap((c) => Object.keys(c.releases)));
  expect(
    status.releases
      .filter((r) => r.type !== "none")
      .map((r) => r.name)
      .sort(),
  ).toEqual([...released].sort());
});

test("changeset version bumps each public package as its changesets say and writes its CHANGELOG", async () => {
  const result = await exec("pnpm", ["changeset", "version"], { cwd: repo });
  expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
  for (const [file, old] of publicPackages()) {
    const mine = pending.filter((c) => c.releases[old.name]);
    const want =
      mine.length === 0
        ? old.version
        : nextVersion(
            old.version,
            mine.map((c) => c.releases[old.name]!),
          );
    expect((await manifest(file)).version, old.name).toBe(want);
    if (mine.length === 0) continue;
    const changelog = await readFile(join(repo, file.replace("package.json", "CHANGELOG.md")), "utf8");
    expect(changelog.startsWith(`# ${old.name}\n\n## ${want}\n`), changelog.slice(0, 200)).toBe(true);
    const start = changelog.indexOf(`\n## ${want}\n`);
    const section = upTo(changelog.slice(start), "\n## ", 1);
    for (const { summary, releases } of mine) {
      const bump = releases[old.name]!;
      const heading = `### ${bump[0]!.toUpperCase()}${bump.slice(1)} Changes`;
      expect(section, `${old.name} ${want}: ${heading}`).toContain(heading);
      const under = section.slice(section.indexOf(heading) + heading.length);
      const block = upTo(under, "\n### ");
      expect(block, `${old.name}: ${heading}`).toContain(summary.split("\n")[0]!);
    }
  }
});

test("nothing else changes: the docs app, the spec, the examples and the root keep their versions", async () => {
  const changed = (await run("git", ["status", "--porcelain"], repo)).split("\n").filter(Boolean).sort();
  const released = publicPackages().filter(([, m]) => pending.some((c) => c.releases[m.name]));
  const want = [
    ...pending.map((c) => ` D .changeset/${c.file}`),
    ...released.flatMap(([file]) => [` M ${file.replace("package.json", "CHANGELOG.md")}`, ` M ${file}`]),
  ].sort();
  expect(changed).toEqual(want);
  for (const [file, old] of before) {
    if (old.private || file === "package.json") expect((await manifest(file)).version, file).toBe(old.version);
  }
  expect((await manifest("apps/docs/package.json")).private).toBe(true);
});

test("on a branch, changing a package without a changeset fails `changeset status`; a changeset fixes it", async () => {
  await commitAll(repo, "version packages");
  await run("git", ["checkout", "-q", "-b", "feature"], repo);
  // The docs app is ignored by changesets: changing it alone needs no changeset.
  await writeFile(join(repo, "apps/docs/README.md"), "# docs, edited on a branch\n");
  await commitAll(repo, "docs: edit");
  const docsOnly = await exec("pnpm", ["changeset", "status"], { cwd: repo });
  expect(docsOnly.code, `${docsOnly.stdout}\n${docsOnly.stderr}`).toBe(0);

  await writeFile(join(repo, "packages/client/README.md"), "# @iot-jobs/client, edited on a branch\n");
  await commitAll(repo, "client: edit");
  const missing = await exec("pnpm", ["changeset", "status"], { cwd: repo });
  expect(missing.code).not.toBe(0);
  expect(`${missing.stdout}${missing.stderr}`).toContain(
    "Some packages have been changed but no changesets were found",
  );

  await writeFile(
    join(repo, ".changeset/edit-readme.md"),
    '---\n"@iot-jobs/client": patch\n---\n\ndocs(client): edit\n',
  );
  await commitAll(repo, "changeset");
  const fixed = await exec("pnpm", ["changeset", "status"], { cwd: repo });
  expect(fixed.code, `${fixed.stdout}\n${fixed.stderr}`).toBe(0);
  expect(fixed.stdout + fixed.stderr).toMatch(
    /bumped at patch:[\s\S]*- @iot-jobs\/client\n[\s\S]*NO packages to be bumped at minor/,
  );
});
