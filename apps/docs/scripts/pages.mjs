#!/usr/bin/env node
// @ts-check
// Assembles the published site for GitHub Pages (see lib/pages.mjs and .github/workflows/docs.yml):
//   node apps/docs/scripts/pages.mjs --site <folder kept between deployments> --version <release, e.g. 1.2.0>
import { parseArgs } from "node:util";
import { assemblePages } from "./lib/pages.mjs";
import { distDir } from "./lib/paths.mjs";

const { values } = parseArgs({ options: { site: { type: "string" }, version: { type: "string" } } });
if (!values.site || !values.version) {
  console.error("Usage: node apps/docs/scripts/pages.mjs --site <folder> --version <major.minor.patch>");
  process.exit(2);
}
try {
  const versions = assemblePages({ dist: distDir, site: values.site, version: values.version });
  console.log(`docs: ${values.site} holds ${versions.join(", ")}; ${values.version} at the root`);
} catch (error) {
  console.error(`docs: ${/** @type {Error} */ (error).message}`);
  process.exit(1);
}
