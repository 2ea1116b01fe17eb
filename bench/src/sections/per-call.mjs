// Section 2, per-call overhead: sequential calls (one in flight) against the canned 250-item page served by
// another process, for @iot-jobs/client, @aws-sdk/client-iot, openapi-fetch + aws4fetch, aws4fetch + fetch, and the
// floor (unsigned fetch + JSON.parse). Interleaved rounds in rotating order, after a warm-up; wall time per call and
// this process's CPU time per call (process.cpuUsage, less sensitive to what else runs on the machine).
import { fileURLToPath } from "node:url";
import { IoTClient, ListJobExecutionsForJobCommand } from "@aws-sdk/client-iot";
import { createIotJobsClient } from "@iot-jobs/client";
import { AwsClient } from "aws4fetch";
import createClient from "openapi-fetch";
import { startServer } from "../processes.mjs";
import { PAGE_SIZE } from "../servers/page.mjs";
import { median, ratio, round, roundSummary, summarize } from "../stats.mjs";

const serverScript = fileURLToPath(new URL("../servers/canned-page-server.mjs", import.meta.url));
const credentials = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };
const input = { jobId: "firmware-update-2026-11", maxResults: PAGE_SIZE };

/** @typedef {() => Promise<number>} Call one call; resolves to the number of items on the page */

/**
 * The variants, each a call that resolves to the number of items it read. Every signed one signs for `iot` in
 * us-east-1 with the same keys; none retries a success, so each call is one request.
 *
 * @param {string} endpoint
 * @returns {{ variants: Record<string, Call>, close: () => void }}
 */
export function variants(endpoint) {
  const url = `${endpoint}/jobs/${input.jobId}/things?maxResults=${PAGE_SIZE}`;
  const ours = createIotJobsClient({ region: "us-east-1", endpoint, credentials });
  const sdk = new IoTClient({ region: "us-east-1", endpoint, credentials });
  const aws = new AwsClient({ ...credentials, service: "iot", region: "us-east-1", retries: 0 });
  /** @type {import("openapi-fetch").Client<import("@iot-jobs/spec").paths>} */
  const openapi = createClient({ baseUrl: endpoint, fetch: (request) => aws.fetch(request) });
  return {
    variants: {
      "@iot-jobs/client": async () => {
        const { data, error } = await ours.listJobExecutionsForJob(input);
        if (error) throw error;
        return data.executionSummaries?.length ?? 0;
      },
      "@aws-sdk/client-iot": async () =>
        (await sdk.send(new ListJobExecutionsForJobCommand(input))).executionSummaries?.length ?? 0,
      "openapi-fetch + aws4fetch": async () => {
        const { data, error } = await openapi.GET("/jobs/{jobId}/things", {
          params: { path: { jobId: input.jobId }, query: { maxResults: PAGE_SIZE } },
        });
        if (error) throw new Error(JSON.stringify(error));
        return data.executionSummaries?.length ?? 0;
      },
      "aws4fetch + fetch": async () => JSON.parse(await (await aws.fetch(url)).text()).executionSummaries.length,
      "unsigned fetch + JSON.parse (floor)": async () =>
        JSON.parse(await (await fetch(url)).text()).executionSummaries.length,
    },
    close: () => sdk.destroy(),
  };
}

/** @typedef {{ warmup: number, rounds: number, calls: number, budgetMs: number }} PerCallOptions */

/** @type {PerCallOptions} */
// Many short blocks rather than a few long ones: a burst of load from elsewhere then hits every variant alike.
export const defaults = { warmup: 300, rounds: 60, calls: 50, budgetMs: 150_000 };
/** @type {PerCallOptions} */
export const quick = { warmup: 3, rounds: 2, calls: 4, budgetMs: 20_000 };

/**
 * Measures section 2.
 *
 * @param {Partial<PerCallOptions>} [options]
 * @example const { variants, ratios } = await measure({ rounds: 3 });
 */
export async function measure(options = {}) {
  const { warmup, rounds, calls, budgetMs } = { ...defaults, ...options };
  const deadline = performance.now() + budgetMs;
  const server = await startServer(process.execPath, [serverScript], { pattern: /listening on (\S+)/ });
  const { variants: calls$, close } = variants(server.url);
  const names = Object.keys(calls$);
  /** @type {Record<string, number[]>} */ const wall = Object.fromEntries(names.map((n) => [n, []]));
  /** @type {Record<string, number[]>} */ const cpu = Object.fromEntries(names.map((n) => [n, []]));
  /** @type {Record<string, number[]>} */ const roundMedians = Object.fromEntries(names.map((n) => [n, []]));
  let done = 0;
  try {
    for (const [name, call] of Object.entries(calls$)) for (let i = 0; i < warmup; i++) await check(name, call);
    for (let r = 0; r < rounds && (r < 2 || performance.now() < deadline); r++) {
      // Rotate the order every round: drift (GC, CPU frequency, other load) hits every variant alike.
      for (const name of [...names.slice(r % names.length), ...names.slice(0, r % names.length)]) {
        const call = /** @type {Call} */ (calls$[name]);
        globalThis.gc?.(); // a clean heap per block: no variant pays for another's garbage
        const block = [];
        const cpu0 = process.cpuUsage();
        for (let i = 0; i < calls; i++) {
          const start = performance.now();
          await check(name, call);
          block.push(performance.now() - start);
        }
        const used = process.cpuUsage(cpu0);
        cpu[name]?.push((used.user + used.system) / 1000 / calls);
        wall[name]?.push(...block);
        roundMedians[name]?.push(round(median(block) * 1000));
      }
      done++;
    }
  } finally {
    close();
    await server.stop();
  }
  return summarizeRuns({ wall, cpu, roundMedians, settings: { warmup, rounds: done, calls } });
}

/**
 * @param {string} name
 * @param {Call} call
 */
async function check(name, call) {
  const items = await call();
  if (items !== PAGE_SIZE) throw new Error(`${name}: read ${items} items, not ${PAGE_SIZE}`);
}

/**
 * Turns raw samples (milliseconds) into the section's result: per variant wall and CPU time per call in µs
 * (median, p25–p75), and the ratios of the goals.
 *
 * @param {{ wall: Record<string, number[]>, cpu: Record<string, number[]>, roundMedians: Record<string, number[]>,
 *   settings: { warmup: number, rounds: number, calls: number } }} runs
 */
export function summarizeRuns({ wall, cpu, roundMedians, settings }) {
  const us = (/** @type {number[]} */ xs) => roundSummary(summarize(xs.map((x) => x * 1000)));
  const results = Object.fromEntries(
    Object.keys(wall).map((name) => [
      name,
      { wallUs: us(wall[name] ?? []), cpuUs: us(cpu[name] ?? []), roundMediansUs: roundMedians[name] ?? [] },
    ]),
  );
  /** @param {string} a @param {string} b @param {"wallUs" | "cpuUs"} kind */
  const r = (a, b, kind) => {
    const value = ratio(results[a]?.[kind].median, results[b]?.[kind].median);
    return value === null ? null : round(value, 4);
  };
  const ours = "@iot-jobs/client";
  const sdk = "@aws-sdk/client-iot";
  const floor = "unsigned fetch + JSON.parse (floor)";
  const reference = "openapi-fetch + aws4fetch";
  /**
   * Ratios of the two variants' medians within each round (same moment, same load), summarized over rounds.
   * @param {string} a
   * @param {string} b
   */
  const perRound = (a, b) => {
    const xs = (roundMedians[a] ?? []).map((x, i) => ratio(x, roundMedians[b]?.[i])).filter((x) => x !== null);
    return xs.length > 0 ? roundSummary(summarize(xs)) : null;
  };
  return {
    status: "measured",
    settings: { ...settings, pageItems: PAGE_SIZE, inFlight: 1 },
    variants: results,
    perRoundRatios: { "sdk/ours wall": perRound(sdk, ours), "ours/floor wall": perRound(ours, floor) },
    ratios: {
      "sdk/ours wall": r(sdk, ours, "wallUs"),
      "ours/floor wall": r(ours, floor, "wallUs"),
      "sdk/ours cpu": r(sdk, ours, "cpuUs"),
      "ours/floor cpu": r(ours, floor, "cpuUs"),
      "sdk/floor wall": r(sdk, floor, "wallUs"),
      "sdk/(openapi-fetch + aws4fetch) wall": r(sdk, reference, "wallUs"),
      "(openapi-fetch + aws4fetch)/floor wall": r(reference, floor, "wallUs"),
      "(aws4fetch + fetch)/floor wall": r("aws4fetch + fetch", floor, "wallUs"),
    },
  };
}
