import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, test } from "vitest";
import { assemblePages } from "./pages.mjs";

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A built site holding `index.html` with `text`. */
function built(text: string) {
  const root = mkdtempSync(join(tmpdir(), "pages-"));
  roots.push(root);
  const dist = join(root, "dist");
  mkdirSync(dist);
  writeFileSync(join(dist, "index.html"), text);
  writeFileSync(join(dist, `only-in-${text}.txt`), text);
  return { root, dist, site: join(root, "site") };
}

test("each release stays under v/<version>/, the latest is at the root, the root keeps nothing older", () => {
  const first = built("one");
  expect(assemblePages({ dist: first.dist, site: first.site, version: "1.9.0" })).toEqual(["1.9.0"]);
  const second = built("two");
  expect(assemblePages({ dist: second.dist, site: first.site, version: "1.10.0" })).toEqual(["1.10.0", "1.9.0"]);
  const site = first.site;
  expect(readFileSync(join(site, "index.html"), "utf8")).toBe("two");
  expect(readFileSync(join(site, "v/1.9.0/index.html"), "utf8")).toBe("one");
  expect(readFileSync(join(site, "v/1.10.0/index.html"), "utf8")).toBe("two");
  expect(readdirSync(site).sort()).toEqual([".nojekyll", "index.html", "only-in-two.txt", "v", "versions.json"]);
  expect(JSON.parse(readFileSync(join(site, "versions.json"), "utf8"))).toEqual({
    latest: "1.10.0",
    versions: ["1.10.0", "1.9.0"],
  });
});

test("a pre-release sorts before its release; a bad version or a missing build is refused by name", () => {
  const { dist, site } = built("x");
  assemblePages({ dist, site, version: "2.0.0" });
  expect(assemblePages({ dist, site, version: "2.0.0-rc.1" })).toEqual(["2.0.0", "2.0.0-rc.1"]);
  expect(() => assemblePages({ dist, site, version: "latest" })).toThrow(
    'version: "latest" is not a release version (major.minor.patch, e.g. 1.2.0)',
  );
  expect(() => assemblePages({ dist: join(site, "nothing"), site, version: "1.0.0" })).toThrow(
    "index.html is missing: build the docs first",
  );
});
