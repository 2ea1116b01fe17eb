// @ts-check
// Where things are. The spec is found through the workspace package `@iot-jobs/spec` (its `./openapi.yaml`
// export), so the docs render exactly the file the client and mocks are generated from.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The root of the docs app (apps/docs). */
export const appDir = fileURLToPath(new URL("../../", import.meta.url));

/** The static site, ready for any static host. */
export const distDir = join(appDir, "dist");

/** Guides, one markdown file each, composed into the reference in file-name order. */
export const guidesDir = join(appDir, "guides");

/** Files copied as they are to the root of the site (logo, style sheet, local stand-ins for CDN images). */
export const assetsDir = join(appDir, "assets");

/** The Handlebars page template Redocly renders the reference into. */
export const referenceTemplate = join(appDir, "template", "reference.hbs");

/** The playground page (plain HTML; its script is bundled from playgroundEntry). */
export const playgroundTemplate = join(appDir, "template", "playground.html");

/** The playground's source: TypeScript modules bundled by esbuild into dist/playground.js. */
export const playgroundDir = join(appDir, "playground");

/** The module the playground bundle starts from. */
export const playgroundEntry = join(playgroundDir, "main.ts");

/** Redocly config of the docs: Redoc options and the guides decorator. */
export const docsRedoclyConfig = join(appDir, "redocly.yaml");

/** The hand-authored spec (its examples are $refs relative to it). */
export const specFile = fileURLToPath(import.meta.resolve("@iot-jobs/spec/openapi.yaml"));

/** The spec's own Redocly config (no docs decorators), used to bundle the downloadable copy. */
export const specRedoclyConfig = join(dirname(specFile), "redocly.yaml");

/** The Redocly CLI entry point of the pinned @redocly/cli. */
export const redoclyCli = fileURLToPath(import.meta.resolve("@redocly/cli/bin/cli.js"));
