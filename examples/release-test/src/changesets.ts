import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "yaml";

/** A release type of changesets. */
export type Bump = "major" | "minor" | "patch";

/**
 * One pending changeset: its file, the packages it releases and how, and its summary.
 *
 * @example
 * const [first] = await readPendingChangesets(repo);
 * first.releases["@iot-jobs/client"]; // "minor"
 */
export interface PendingChangeset {
  readonly file: string;
  readonly releases: Readonly<Record<string, Bump>>;
  readonly summary: string;
}

/**
 * Reads `.changeset/*.md` (their YAML front matter and summary) independently of changesets itself.
 *
 * @example
 * const pending = await readPendingChangesets(repo);
 */
export async function readPendingChangesets(repo: string): Promise<PendingChangeset[]> {
  const dir = join(repo, ".changeset");
  const files = (await readdir(dir)).filter((f) => f.endsWith(".md") && f !== "README.md").sort();
  return Promise.all(
    files.map(async (file) => {
      const text = await readFile(join(dir, file), "utf8");
      const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
      if (!match) throw new Error(`.changeset/${file} has no front matter`);
      return { file, releases: parse(match[1]!) ?? {}, summary: match[2]!.trim() };
    }),
  );
}

const order: readonly Bump[] = ["patch", "minor", "major"];

/**
 * The version a package gets from the largest bump its changesets ask for (plain semver: 0.x included).
 *
 * @example
 * nextVersion("0.1.0", ["patch", "minor"]); // "0.2.0"
 */
export function nextVersion(version: string, bumps: readonly Bump[]): string {
  const bump = bumps.reduce<Bump>((a, b) => (order.indexOf(b) > order.indexOf(a) ? b : a), "patch");
  const [major = 0, minor = 0, patch = 0] = version.split(".").map(Number);
  if (bump === "major") return `${major + 1}.0.0`;
  if (bump === "minor") return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}
