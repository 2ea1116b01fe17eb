// @ts-check
// Watches the sources of the site and calls back once per burst of changes (editors often write a file in
// several steps). Folders are watched rather than files, so a file replaced by rename is still seen.
import { watch } from "node:fs";
import { basename, dirname, join } from "node:path";
import { appDir, assetsDir, guidesDir, playgroundDir, referenceTemplate, specFile } from "./paths.mjs";

/** @typedef {{ dir: string, recursive: boolean, accept?: (file: string) => boolean }} Watched */

/**
 * Everything the build reads: the spec and its examples, guides, templates, assets, the playground's modules,
 * config and scripts. (The built client and mocks the playground bundles are not watched: rebuild them, then
 * touch a playground file.)
 */
export const SOURCES = /** @type {Watched[]} */ ([
  { dir: dirname(specFile), recursive: false, accept: (file) => file === basename(specFile) },
  { dir: join(dirname(specFile), "examples"), recursive: true },
  { dir: guidesDir, recursive: true },
  { dir: dirname(referenceTemplate), recursive: true },
  { dir: assetsDir, recursive: true },
  { dir: playgroundDir, recursive: true, accept: (file) => !file.endsWith(".test.ts") },
  { dir: join(appDir, "scripts"), recursive: true },
  { dir: appDir, recursive: false, accept: (file) => file === "redocly.yaml" },
]);

/**
 * @param {(changed: string) => void} onChange called with one changed path, after `quietMs` without changes
 * @param {{ quietMs?: number, sources?: Watched[] }} [options]
 * @returns {() => void} stops watching
 */
export function watchSources(onChange, { quietMs = 150, sources = SOURCES } = {}) {
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  const watchers = sources.map(({ dir, recursive, accept }) =>
    watch(dir, { recursive }, (_event, file) => {
      const name = file?.toString() ?? "";
      if (accept && !accept(name)) return;
      clearTimeout(timer);
      timer = setTimeout(() => onChange(join(dir, name)), quietMs);
    }),
  );
  return () => {
    clearTimeout(timer);
    for (const watcher of watchers) watcher.close();
  };
}
