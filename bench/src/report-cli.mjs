// Re-renders BENCHMARKS.md from a results document without measuring again.
// Usage: node src/report-cli.mjs [--from bench/results/latest.json] [--to BENCHMARKS.md]
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { renderMarkdown, renderSummary } from "./report.mjs";

const here = fileURLToPath(new URL(".", import.meta.url));
const { values } = parseArgs({
  options: {
    from: { type: "string", default: resolve(here, "../results/latest.json") },
    to: { type: "string", default: resolve(here, "../../BENCHMARKS.md") },
  },
});
const doc = JSON.parse(readFileSync(values.from, "utf8"));
writeFileSync(values.to, renderMarkdown(doc));
console.log(`${renderSummary(doc)}\nwrote ${values.to}`);
