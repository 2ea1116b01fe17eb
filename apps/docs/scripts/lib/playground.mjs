// @ts-check
// Builds the playground's script: esbuild bundles playground/main.ts (the client, the mocks, msw) into one local
// file, and the build ships MSW's worker script taken from the very msw copy inside that bundle. The worker checks
// that it and the page's msw are the same release; taking both from one copy keeps them so through any upgrade.
import { readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { build } from "esbuild";
import { appDir } from "./paths.mjs";

/** The bundle's file name in the site, and the worker script's (at the root, beside the page). */
export const PLAYGROUND_SCRIPT = "playground.js";
export const MSW_WORKER_SCRIPT = "mockServiceWorker.js";

/**
 * Bundles `entry` into `outDir/playground.js` (minified ES module, with a linked source map for readers of the
 * code), and writes msw's `mockServiceWorker.js` beside it.
 * @param {string} entry
 * @param {string} outDir
 * @returns {Promise<{ bytes: number, mswVersion: string }>}
 */
export async function bundlePlayground(entry, outDir) {
  const outfile = join(outDir, PLAYGROUND_SCRIPT);
  const result = await build({
    entryPoints: [entry],
    outfile,
    absWorkingDir: appDir,
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    sourcemap: "linked",
    metafile: true,
    logLevel: "silent",
  }).catch((/** @type {Error} */ error) => {
    throw new Error(`esbuild could not bundle the playground: ${error.message}`);
  });
  const mswVersion = await copyMswWorker(Object.keys(result.metafile.inputs), outDir);
  const output = Object.entries(result.metafile.outputs).find(([file]) => file.endsWith(`/${PLAYGROUND_SCRIPT}`));
  return { bytes: output?.[1].bytes ?? 0, mswVersion };
}

/**
 * Copies the worker script of the one msw package among the bundle's inputs; fails when there is none or more
 * than one (two copies of msw in a page would not share their worker).
 * @param {string[]} inputs the bundle's input files, relative to appDir
 * @param {string} outDir
 * @returns {Promise<string>} the msw version
 */
export async function copyMswWorker(inputs, outDir) {
  const packages = new Set(inputs.map((input) => /^(.*\/node_modules\/msw)\//.exec(input)?.[1]).filter(Boolean));
  if (packages.size !== 1) {
    throw new Error(`the playground bundle must hold one copy of msw, found ${packages.size}: ${[...packages]}`);
  }
  const dir = resolve(appDir, String([...packages][0]));
  const manifest = JSON.parse(await readFile(join(dir, "package.json"), "utf8"));
  const script = manifest.exports?.[`./${MSW_WORKER_SCRIPT}`];
  if (typeof script !== "string") throw new Error(`msw ${manifest.version} exports no ./${MSW_WORKER_SCRIPT}`);
  const worker = await readFile(join(dir, script), "utf8");
  // The worker announces its release to the page, which compares it with its own.
  if (!worker.includes(`PACKAGE_VERSION = '${manifest.version}'`)) {
    throw new Error(`${join(dir, script)} is not the worker of msw ${manifest.version}`);
  }
  await writeFile(join(outDir, MSW_WORKER_SCRIPT), worker);
  return manifest.version;
}
