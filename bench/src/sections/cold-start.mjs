// Section 5, cold start: the time to import a package in a fresh Node process (performance.now() around a dynamic
// import, so Node's own boot is not counted), many runs, interleaved. The files stay in the OS page cache between
// runs: this is a cold process, not a cold disk.
import { run } from "../processes.mjs";
import { ratio, round, roundSummary, summarize } from "../stats.mjs";

/** What is imported: name → the module Node resolves for an app here (the SDK's is its CommonJS build). */
export const modules = {
  "@iot-jobs/client": import.meta.resolve("@iot-jobs/client"),
  "@aws-sdk/client-iot": import.meta.resolve("@aws-sdk/client-iot"),
  "openapi-fetch + aws4fetch": [import.meta.resolve("openapi-fetch"), import.meta.resolve("aws4fetch")],
};

/** @typedef {{ runs: number, budgetMs: number }} ColdStartOptions */

/** @type {ColdStartOptions} */
export const defaults = { runs: 25, budgetMs: 90_000 };
/** @type {ColdStartOptions} */
export const quick = { runs: 2, budgetMs: 20_000 };

/**
 * Imports `urls` in a fresh `node` and returns the milliseconds the imports took.
 *
 * @param {string | string[]} urls
 */
export async function importTime(urls) {
  const list = JSON.stringify([urls].flat());
  const code = `const t = performance.now(); await Promise.all(${list}.map((u) => import(u)));
process.stdout.write(String(performance.now() - t));`;
  const out = await run(process.execPath, ["--input-type=module", "--no-warnings", "-e", code], { timeoutMs: 30_000 });
  if (out.status !== 0) throw new Error(`importing ${list} failed: ${out.stderr.slice(-1000)}`);
  return Number(out.stdout);
}

/**
 * Measures section 5.
 *
 * @param {Partial<ColdStartOptions>} [options]
 * @example const { ratios } = await measure({ runs: 10 });
 */
export async function measure(options = {}) {
  const { runs, budgetMs } = { ...defaults, ...options };
  const deadline = performance.now() + budgetMs;
  const names = Object.keys(modules);
  /** @type {Record<string, number[]>} */
  const samples = Object.fromEntries(names.map((n) => [n, []]));
  for (const name of names) await importTime(modules[/** @type {keyof typeof modules} */ (name)]); // warm the page cache
  let done = 0;
  for (let i = 0; i < runs && (i < 2 || performance.now() < deadline); i++) {
    for (const name of [...names.slice(i % names.length), ...names.slice(0, i % names.length)]) {
      samples[name]?.push(await importTime(modules[/** @type {keyof typeof modules} */ (name)]));
    }
    done++;
  }
  const results = Object.fromEntries(names.map((n) => [n, { importMs: roundSummary(summarize(samples[n] ?? [])) }]));
  const sdkOverOurs = ratio(
    results["@aws-sdk/client-iot"]?.importMs.median,
    results["@iot-jobs/client"]?.importMs.median,
  );
  return {
    status: "measured",
    settings: { runs: done, how: "node --input-type=module -e: performance.now() around await import()" },
    modules: results,
    ratios: { "sdk/ours import": sdkOverOurs === null ? null : round(sdkOverOurs, 4) },
  };
}
