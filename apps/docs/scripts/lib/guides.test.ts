import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, test } from "vitest";
import { GUIDES_GROUP, parseGuide, REFERENCE_GROUP, readGuides, withGuides } from "./guides.mjs";

const spec = {
  openapi: "3.1.0",
  tags: [{ name: "Jobs", description: "Job executions." }],
  paths: {
    "/jobs/{jobId}/things": { get: { operationId: "ListJobExecutionsForJob", tags: ["Jobs", "Undeclared"] } },
  },
};

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

test("parseGuide takes the title from the first line and keeps the rest as the body", () => {
  expect(parseGuide("01-a.md", "# Getting started\n\nInstall it.\n\n## Next\n")).toEqual({
    file: "01-a.md",
    title: "Getting started",
    body: "Install it.\n\n## Next",
  });
});

test("parseGuide names the file when the title line is missing", () => {
  expect(() => parseGuide("02-b.md", "Install it.\n")).toThrow(
    'guides/02-b.md: the first line must be the guide\'s title, as "# Title"',
  );
  expect(() => parseGuide("03-c.md", "## Not a title\n")).toThrow("guides/03-c.md");
});

test("readGuides reads the markdown files of a folder in file-name order", () => {
  dir = mkdtempSync(join(tmpdir(), "guides-"));
  writeFileSync(join(dir, "02-paging.md"), "# Paging\nB\n");
  writeFileSync(join(dir, "01-start.md"), "# Start\nA\n");
  writeFileSync(join(dir, "notes.txt"), "not a guide");
  expect(readGuides(dir).map((g) => g.title)).toEqual(["Start", "Paging"]);
});

test("withGuides adds trait tags before the spec's tags and groups them ahead of the reference", () => {
  const guides = [
    { file: "01-start.md", title: "Start", body: "A" },
    { file: "02-paging.md", title: "Paging", body: "B" },
  ];
  const out = withGuides(spec, guides);
  expect(out.tags).toEqual([
    { name: "Start", description: "A", "x-traitTag": true },
    { name: "Paging", description: "B", "x-traitTag": true },
    { name: "Jobs", description: "Job executions." },
  ]);
  expect(out["x-tagGroups"]).toEqual([
    { name: GUIDES_GROUP, tags: ["Start", "Paging"] },
    { name: REFERENCE_GROUP, tags: ["Jobs", "Undeclared"] },
  ]);
  expect(out.paths).toBe(spec.paths);
  expect(spec.tags).toHaveLength(1);
});

test("withGuides refuses a guide whose title is already a tag", () => {
  const clash = [{ file: "09-jobs.md", title: "Jobs", body: "" }];
  expect(() => withGuides(spec, clash)).toThrow('guides/09-jobs.md: the title "Jobs" is already a tag');
  const undeclared = [{ file: "09-u.md", title: "Undeclared", body: "" }];
  expect(() => withGuides(spec, undeclared)).toThrow("already a tag");
});
