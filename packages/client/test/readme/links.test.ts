import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";

// The README is shown on npmjs.com, where relative links break: every link is absolute (or an anchor), and
// links into this repository (its `repository` URL, blob/tree on main) name files that exist.
const root = fileURLToPath(new URL("../..", import.meta.url));

test("every README link works from the npm package page", () => {
  const readme = readFileSync(`${root}README.md`, "utf8");
  const repository = JSON.parse(readFileSync(`${root}package.json`, "utf8")).repository.url as string;
  const base = repository.replace(/^git\+/, "").replace(/\.git$/, "");
  const targets = [...readme.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!);
  expect(targets.length).toBeGreaterThan(0);
  for (const target of targets) {
    expect(target, `relative link ${target}`).toMatch(/^(https:\/\/|#)/);
    if (!target.startsWith(`${base}/`)) continue;
    const path = /^\/(?:blob|tree)\/main\/(.+)$/.exec(target.slice(base.length))?.[1];
    expect(path, `${target} is not a blob/tree link on main`).toBeDefined();
    expect(existsSync(`${root}../../${path}`), `${target} names no file of the repository`).toBe(true);
  }
});
