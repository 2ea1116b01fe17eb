// @ts-check
// The published site (GitHub Pages, .github/workflows/docs.yml): every release's docs stay under
// `v/<version>/`, and the latest release is also at the root. The folder is kept between deployments (the
// `gh-pages` branch); each deployment adds its release and replaces the root.
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Where the copies of each release live, under the site's root. */
export const VERSIONS_DIR = "v";

/** What the root keeps across deployments besides the latest docs: the releases, and git's own folder. */
const KEPT = new Set([VERSIONS_DIR, ".git"]);

/**
 * Adds the built docs (`dist`) to the published `site` as release `version`, and makes them the root.
 * Writes `versions.json` (newest first) and `.nojekyll` (the site is served as it is).
 * @param {{ dist: string, site: string, version: string }} options
 * @returns {string[]} the releases the site holds, newest first
 * @example
 * assemblePages({ dist: "apps/docs/dist", site: "site", version: "1.2.0" }); // ["1.2.0", "1.1.0"]
 */
export function assemblePages({ dist, site, version }) {
  if (!/^\d+\.\d+\.\d+(?:-[\w.]+)?$/.test(version)) {
    throw new Error(`version: "${version}" is not a release version (major.minor.patch, e.g. 1.2.0)`);
  }
  if (!existsSync(join(dist, "index.html"))) throw new Error(`${dist}/index.html is missing: build the docs first`);
  mkdirSync(site, { recursive: true });
  for (const entry of readdirSync(site)) if (!KEPT.has(entry)) rmSync(join(site, entry), { recursive: true });
  const release = join(site, VERSIONS_DIR, version);
  rmSync(release, { recursive: true, force: true });
  cpSync(dist, release, { recursive: true });
  cpSync(dist, site, { recursive: true });
  const versions = readdirSync(join(site, VERSIONS_DIR)).sort(byVersionDescending);
  writeFileSync(join(site, "versions.json"), `${JSON.stringify({ latest: version, versions }, null, 2)}\n`);
  writeFileSync(join(site, ".nojekyll"), "");
  return versions;
}

/** @param {string} a @param {string} b */
function byVersionDescending(a, b) {
  const parts = (/** @type {string} */ v) => v.split(/[.-]/).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  const [pa, pb] = [parts(a), parts(b)];
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const [x, y] = [pa[i], pb[i]];
    if (x === y) continue;
    // A pre-release (1.0.0-rc.1) comes before its release (1.0.0).
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    return typeof x === "number" && typeof y === "number" ? y - x : String(y).localeCompare(String(x));
  }
  return 0;
}
