// Section 1, client bundle size: the same app bundled by esbuild (minified ESM for the browser, the settings of
// the client's CI gate) with @iot-jobs/client, with @aws-sdk/client-iot, and openapi-fetch + aws4fetch alone.
// Ours is the client's own budget app (packages/client/test/budget/app.ts), so this figure and the CI gate
// measure the same bundle.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { bundleForBrowser } from "@iot-jobs/test-support/bundle";
import { ratio } from "../stats.mjs";

const clientRoot = dirname(fileURLToPath(import.meta.resolve("@iot-jobs/client/package.json")));
const apps = fileURLToPath(new URL("../../apps/", import.meta.url));

/** The bundles measured: name → entry point. */
export const entries = {
  ours: join(clientRoot, "test/budget/app.ts"),
  sdk: join(apps, "sdk-app.ts"),
  "openapi-fetch + aws4fetch": join(apps, "openapi-fetch-aws4fetch-app.ts"),
};

/**
 * The package a bundled file belongs to: its npm name in node_modules, workspace packages by folder.
 *
 * @param {string} path a metafile input path
 * @example packageOf("../node_modules/.pnpm/aws4fetch@1.0.20/node_modules/aws4fetch/dist/aws4fetch.esm.mjs") // "aws4fetch"
 */
export function packageOf(path) {
  const npm = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1];
  if (npm) return npm;
  if (/(^|\/)packages\/client\//.test(path)) return "@iot-jobs/client";
  if (/(^|\/)spec\//.test(path)) return "@iot-jobs/spec";
  return "(app)";
}

/**
 * Bundles one entry as the client's budget test does, and weighs it: minified bytes, gzip bytes (zlib default
 * level, as the gate), and the five packages that take most of the output.
 *
 * @param {string} entry
 */
export async function weigh(entry) {
  const { code, metafile } = await bundleForBrowser({ entry }, { minify: true });
  const output = Object.values(metafile.outputs)[0];
  /** @type {Map<string, number>} */
  const byPackage = new Map();
  for (const [path, { bytesInOutput }] of Object.entries(output?.inputs ?? {})) {
    const name = packageOf(path);
    byPackage.set(name, (byPackage.get(name) ?? 0) + bytesInOutput);
  }
  return {
    raw: code.length,
    gzip: gzipSync(code).length,
    modules: Object.keys(metafile.inputs).length,
    packages: byPackage.size,
    largest: [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 5),
  };
}

/**
 * Measures section 1. Needs no build (esbuild reads the client's sources, as the CI gate does).
 *
 * @example const { bundles, ratios } = await measure();
 */
export async function measure() {
  /** @type {Record<string, Awaited<ReturnType<typeof weigh>> & { entry: string }>} */
  const bundles = {};
  for (const [name, entry] of Object.entries(entries)) bundles[name] = { entry, ...(await weigh(entry)) };
  const ours = bundles.ours;
  const sdk = bundles.sdk;
  return {
    status: "measured",
    settings: "esbuild bundle, minify, format esm, platform browser; gzip = node:zlib gzipSync default level",
    bundles,
    ratios: {
      "sdk/ours gzip": ratio(sdk?.gzip, ours?.gzip),
      "sdk/ours raw": ratio(sdk?.raw, ours?.raw),
      "ours/(openapi-fetch + aws4fetch) gzip": ratio(ours?.gzip, bundles["openapi-fetch + aws4fetch"]?.gzip),
    },
  };
}
