// The built site (dist/), for the suites that check it. turbo runs `build` before `test`; run directly,
// the suites say so when there is nothing to check.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { distDir } from "../scripts/lib/paths.mjs";

export { distDir };

/** The text of a file of the built site; fails with what to run when the site has not been built. */
export function readBuilt(file: string): string {
  const path = join(distDir, file);
  if (!existsSync(path)) {
    throw new Error(`${path} is missing: build the site first (pnpm --filter @iot-jobs/docs build)`);
  }
  return readFileSync(path, "utf8");
}

/** Every file of the built site, as paths relative to dist/ ("index.html", "logo.svg", ...). */
export function builtFiles(dir = distDir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? builtFiles(join(dir, entry.name)) : [relative(distDir, join(dir, entry.name))],
  );
}
