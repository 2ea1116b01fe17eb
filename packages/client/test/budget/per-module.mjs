// Each module's share of the budget app's gzip bytes: the app bundled with the budget test's settings (minified
// syntax and names, one `// path` comment per module kept), then, for each module, the gzip of the whole bundle
// less the gzip of the bundle without that module's code. Shared strings count where they stay.
// Run: node test/budget/per-module.mjs (from packages/client). See docs/decisions/client-signers.md.
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

// The esbuild of the budget test (@iot-jobs/test-support's, the repository's one esbuild step), for the two
// settings its `bundleForBrowser` does not offer: minified syntax and names with the module comments kept.
const { build, transform } = createRequire(import.meta.resolve("@iot-jobs/test-support/bundle"))("esbuild");

const entry = fileURLToPath(new URL("./app.ts", import.meta.url));
const result = await build({
  entryPoints: [entry],
  bundle: true,
  minifySyntax: true,
  minifyIdentifiers: true,
  format: "esm",
  platform: "browser",
  write: false,
  logLevel: "silent",
});
const modules = [{ name: "(runtime helpers)", lines: [] }];
for (const line of result.outputFiles[0].text.split("\n")) {
  const marker = /^\/\/ (\S+\.m?[jt]s)$/.exec(line);
  if (marker) modules.push({ name: marker[1].replace(/.*node_modules\//, ""), lines: [] });
  else modules.at(-1).lines.push(line);
}
const gzip = async (parts) => {
  const { code } = await transform(parts.map((p) => p.lines.join("\n")).join("\n"), { minifyWhitespace: true });
  return gzipSync(code).length;
};
const total = await gzip(modules);
console.log(`${total} bytes gzip in all (the budget test's figure may differ by a few bytes)`);
const rows = [];
for (const module of modules) rows.push([total - (await gzip(modules.filter((m) => m !== module))), module.name]);
for (const [bytes, name] of rows.sort((a, b) => b[0] - a[0])) console.log(String(bytes).padStart(6), name);
