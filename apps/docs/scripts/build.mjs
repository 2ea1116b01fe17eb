#!/usr/bin/env node
// @ts-check
// Builds the static site into dist/ (publish the folder as it is, to any static host, or open
// dist/index.html from disk):
//   index.html    the reference and guides, rendered by `redocly build-docs` with Redoc inlined
//   openapi.yaml  the spec bundled into one file, for download (without the guides)
//   playground.html, playground.js, mockServiceWorker.js
//                 the playground: our client against the mocks in MSW's service worker, bundled by esbuild
//   assets/*      logo, style sheets and local stand-ins for Redoc's CDN images, copied to the root
// The site is assembled in a temporary folder beside dist/ (same file system, so the final rename is atomic)
// and moved into place last: a failed build never leaves a half-written site for the dev server to serve.
import { cp, mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { localizeRedocImages } from "./lib/offline.mjs";
import {
  appDir,
  assetsDir,
  distDir,
  docsRedoclyConfig,
  playgroundEntry,
  playgroundTemplate,
  referenceTemplate,
  specFile,
  specRedoclyConfig,
} from "./lib/paths.mjs";
import { bundlePlayground } from "./lib/playground.mjs";
import { runRedocly } from "./lib/redocly.mjs";
import { finishPage } from "./lib/site.mjs";

const TITLE = "iot-jobs · ListJobExecutionsForJob API reference";

/** Renders the site into a fresh folder beside dist/, then swaps it in. */
async function build() {
  const work = await mkdtemp(join(appDir, ".build-"));
  try {
    const site = join(work, "site");
    await cp(assetsDir, site, { recursive: true });
    const rendered = join(work, "reference.html");
    // Both renders read the spec only; they can run side by side.
    const reference = ["build-docs", specFile, "--config", docsRedoclyConfig, "--template", referenceTemplate];
    const download = ["bundle", specFile, "--config", specRedoclyConfig, "--output", join(site, "openapi.yaml")];
    const [, , playground] = await Promise.all([
      runRedocly([...reference, "--inlineBundle", "--title", TITLE, "--output", rendered], { cwd: appDir }),
      runRedocly(download, { cwd: appDir }),
      bundlePlayground(playgroundEntry, site),
    ]);
    const html = finishPage(localizeRedocImages(await readFile(rendered, "utf8")), { file: "index.html" });
    await writeFile(join(site, "index.html"), html);
    // The playground runs under the same strict policy as the reference, with no 'unsafe-eval': the mocks'
    // validators are precompiled, so nothing in the page compiles code at run time.
    const page = finishPage(await readFile(playgroundTemplate, "utf8"), { file: "playground.html" });
    await writeFile(join(site, "playground.html"), page);
    await rm(distDir, { recursive: true, force: true });
    await rename(site, distDir);
    const kib = (/** @type {number} */ bytes) => `${Math.ceil(bytes / 1024)} KiB`;
    console.log(`docs: built ${join(distDir, "index.html")} (${kib(Buffer.byteLength(html))})`);
    console.log(
      `docs: built ${join(distDir, "playground.html")} (script ${kib(playground.bytes)}, msw ${playground.mswVersion})`,
    );
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

try {
  await build();
} catch (error) {
  // The message says what is wrong (a Redocly error, a missing marker); the stack would only bury it.
  console.error(`docs: build failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
