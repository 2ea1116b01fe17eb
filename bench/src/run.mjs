// The benchmark suite in one command: each section in a fresh Node process with a time cap, the raw results to
// bench/results/latest.json, BENCHMARKS.md regenerated from them, and a summary on stdout.
// Usage: node src/run.mjs [--only size,per-call,...] [--quick] [--out file.json] [--no-report]
// Exit code: 1 if a section failed; also if a peer was missing and CI=true.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { environment, load } from "./environment.mjs";
import { run } from "./processes.mjs";
import { renderMarkdown, renderSummary } from "./report.mjs";

/** The sections in the order they run, with their hard time caps (each also keeps a softer budget of its own). */
export const sections = {
  size: { title: "client bundle size", capMs: 60_000 },
  "cold-start": { title: "cold start", capMs: 150_000 },
  "per-call": { title: "client per-call overhead", capMs: 240_000 },
  "mock-vs-moto": { title: "mock server vs moto", capMs: 300_000 },
  scale: { title: "scale: a 1,000,000-execution job", capMs: 360_000 },
};

const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    only: { type: "string" },
    quick: { type: "boolean", default: false },
    out: { type: "string" },
    "no-report": { type: "boolean", default: false },
  },
});
const names = values.only ? values.only.split(",").map((s) => s.trim()) : Object.keys(sections);
for (const name of names) {
  if (!(name in sections)) {
    console.error(`--only: "${name}" is not a section (known: ${Object.keys(sections).join(", ")})`);
    process.exit(2);
  }
}
// Only a full run replaces the committed results and BENCHMARKS.md: a quick run (the bench's own test) or a run of
// some sections writes a results file only where --out says.
const partial = values.quick || values.only !== undefined;
const out = values.out ? resolve(values.out) : partial ? undefined : resolve(here, "../results/latest.json");
const report = !partial && !values["no-report"];

const loadStart = load();
const started = Date.now();
/** @type {Record<string, any>} */
const results = {};
for (const name of names) {
  const { title, capMs } = sections[/** @type {keyof typeof sections} */ (name)];
  process.stdout.write(`▸ ${name} (${title}) … `);
  const t = Date.now();
  const child = await run(
    process.execPath,
    ["--expose-gc", resolve(here, "section.mjs"), name, "{}", ...(values.quick ? ["--quick"] : [])],
    { timeoutMs: capMs },
  );
  const last = child.stdout.trim().split("\n").at(-1) ?? "";
  if (child.status === 0 && last.startsWith("{")) {
    results[name] = { ...JSON.parse(last), seconds: Math.round((Date.now() - t) / 100) / 10 };
  } else {
    const why = child.timedOut ? `time cap of ${capMs / 1000} s reached` : `exited ${child.status ?? child.signal}`;
    results[name] = { status: "failed", reason: `${why}: ${child.stderr.trim().split("\n").slice(-8).join("\n")}` };
  }
  console.log(`${results[name].status} in ${((Date.now() - t) / 1000).toFixed(1)} s`);
}

const document = {
  command: partial ? `node bench/src/run.mjs ${process.argv.slice(2).join(" ")}` : "pnpm bench",
  quick: values.quick,
  totalSeconds: Math.round((Date.now() - started) / 1000),
  ...environment(),
  load: { start: loadStart, end: load() },
  sections: results,
};
if (out) {
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(document, null, 2)}\n`);
  // Formatted as the repository's Biome formats JSON, so that `biome ci .` stays clean after a run.
  const biome = resolve(here, "../../node_modules/.bin/biome");
  if (existsSync(biome)) await run(biome, ["format", "--write", out], { timeoutMs: 30_000 });
}
if (report) writeFileSync(resolve(here, "../../BENCHMARKS.md"), renderMarkdown(document));
console.log(`\n${renderSummary(document)}`);
if (out) console.log(`raw results: ${out}${report ? "; BENCHMARKS.md regenerated" : ""}`);

const failed = Object.entries(results).filter(([, r]) => r.status === "failed");
const missing = Object.entries(results).filter(
  ([, r]) => r.status === "not measured" || r.moto?.status === "not measured",
);
for (const [name, r] of failed) console.error(`✗ ${name} failed: ${r.reason}`);
for (const [name, r] of missing) console.error(`! ${name}: not measured: ${r.reason ?? r.moto?.reason}`);
process.exitCode = failed.length > 0 || (missing.length > 0 && process.env.CI === "true") ? 1 : 0;
