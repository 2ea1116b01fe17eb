import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";

// Every code block of the README runs in a test. A block is marked, on the line before its fence, with
// `<!-- snippet: <file> -->` (the block is that file, or a run of its lines, indentation aside; the file runs in a
// test) or `<!-- run-by: <test file> -->` (that test reads the block from the README and runs it).
const root = fileURLToPath(new URL("../..", import.meta.url));
const readme = readFileSync(`${root}README.md`, "utf8");
const blocks = [...readme.matchAll(/^(?:<!-- (snippet|run-by): (\S+) -->\n)?```(\w*)\n([\s\S]*?)^```$/gm)].map(
  ([, kind, file, lang, code]) => ({ kind, file, lang, code: code! }),
);
const lines = (text: string) => text.split("\n").map((line) => line.trim());

test("the README has code blocks, and each one is marked with the test that runs it", () => {
  expect(blocks.length).toBeGreaterThanOrEqual(10);
  for (const block of blocks) expect(block.file, `unmarked ${block.lang} block:\n${block.code}`).toBeDefined();
});

test.each(blocks.filter((b) => b.kind === "snippet").map((b) => [b.file!, b.code] as const))(
  "the snippet of %s is in that file, verbatim",
  (file, code) => {
    const text = readFileSync(`${root}${file}`, "utf8");
    if (text === code) return;
    const want = lines(code.trimEnd());
    const have = lines(text);
    const at = have.findIndex((_, i) => want.every((line, j) => have[i + j] === line));
    expect(at, `${file} does not contain the README's block:\n${code}`).toBeGreaterThanOrEqual(0);
  },
);

test.each(blocks.filter((b) => b.kind === "run-by").map((b) => [b.file!] as const))(
  "%s reads its block from the README",
  (file) => {
    expect(existsSync(`${root}${file}`)).toBe(true);
    expect(readFileSync(`${root}${file}`, "utf8")).toContain("README.md");
  },
);

// The README is shown on npmjs.com, where relative links break: every link is absolute (or an anchor), and
// links into this repository name files that exist.
test("every README link works from the npm package page", () => {
  const repository = JSON.parse(readFileSync(`${root}package.json`, "utf8")).repository.url as string;
  const base = repository.replace(/^git\+/, "").replace(/\.git$/, "");
  for (const [, target] of readme.matchAll(/\]\(([^)\s]+)\)/g)) {
    expect(target, `relative link ${target}`).toMatch(/^(https:\/\/|#)/);
    const inRepo = target!.startsWith(`${base}/`)
      ? /^\/(?:blob|tree)\/main\/(.+)$/.exec(target!.slice(base.length))
      : null;
    if (target!.startsWith(`${base}/`)) expect(inRepo, `${target} is not a blob/tree link on main`).not.toBeNull();
    if (inRepo) expect(existsSync(`${root}../../${inRepo[1]}`), `${target} names no file of the repository`).toBe(true);
  }
});
