import { cp, mkdtemp, stat, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { run } from "./exec.js";

/** The repository's root folder. */
export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

/**
 * Copies the repository's tracked files, as they are in the working tree, into a new folder under the system temp
 * folder, and makes it a git repository with one commit on `main` (what `changeset status` compares with). Its
 * `node_modules` is a link to the real one, for the tools only: nothing is installed or built in the copy, and the
 * real tree is never written.
 *
 * @example
 * const repo = await copyRepo();
 * await run("pnpm", ["changeset", "version"], repo);
 */
export async function copyRepo(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "iot-jobs-release-"));
  const tracked = (await run("git", ["ls-files", "-z"], repoRoot)).split("\0").filter(Boolean);
  for (const file of tracked) {
    const from = join(repoRoot, file);
    if (!(await stat(from).catch(() => undefined))?.isFile()) continue; // deleted in the working tree
    await cp(from, join(dir, file), { recursive: false });
  }
  await symlink(join(repoRoot, "node_modules"), join(dir, "node_modules"), "dir");
  await run("git", ["init", "-q", "-b", "main"], dir);
  await commitAll(dir, "snapshot of the working tree");
  return dir;
}

/**
 * Commits every change of the copy (as a throwaway author).
 *
 * @example
 * await commitAll(repo, "version packages");
 */
export async function commitAll(dir: string, message: string): Promise<void> {
  await run("git", ["add", "-A"], dir);
  const author = ["-c", "user.name=release-test", "-c", "user.email=release-test@example.invalid"];
  await run("git", [...author, "commit", "-q", "--no-verify", "-m", message], dir);
}

/**
 * Adds and commits a changeset of our own (a minor release of the client, a patch of the mocks), so that the flow
 * has something to release even right after a release, when the repository has no pending changeset.
 *
 * @example
 * await addProbeChangeset(repo);
 */
export async function addProbeChangeset(dir: string): Promise<void> {
  const text =
    '---\n"@iot-jobs/client": minor\n"@iot-jobs/mocks": patch\n---\n\ntest(release): probe of the release test\n';
  await writeFile(join(dir, ".changeset/release-test-probe.md"), text);
  await commitAll(dir, "a changeset of the release test");
}
