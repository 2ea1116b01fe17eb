// Section 2, per-call overhead: sequential calls (one in flight) against the canned 250-item page served by
// another process, for @iot-jobs/client, @aws-sdk/client-iot, openapi-fetch + aws4fetch, aws4fetch + fetch, and two
// floors: unsigned node:http (keep-alive agent) + JSON.parse, the cheapest way Node reads the page and what the SDK
// sends with, and unsigned fetch + JSON.parse. Each variant runs in a process of its own (clients/per-call-runner.mjs), so
// no variant pays for another's garbage, JIT or loaded modules; the parent interleaves their blocks in rotating
// order after a warm-up, and collects wall time per call and the runner's CPU time per call (process.cpuUsage).
import { fork } from "node:child_process";
import http from "node:http";
import { fileURLToPath } from "node:url";
import { startServer } from "../processes.mjs";
import { PAGE_SIZE } from "../servers/page.mjs";
import { median, ratio, round, roundSummary, summarize } from "../stats.mjs";

const serverScript = fileURLToPath(new URL("../servers/canned-page-server.mjs", import.meta.url));
const runnerScript = fileURLToPath(new URL("../clients/per-call-runner.mjs", import.meta.url));
const credentials = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };
const input = { jobId: "firmware-update-2026-11", maxResults: PAGE_SIZE };

/** @typedef {() => Promise<number>} Call one call; resolves to the number of items on the page */

/** The variants the goals name. */
export const OURS = "@iot-jobs/client";
export const SDK = "@aws-sdk/client-iot";
/** The floor: the page read by node:http on a keep-alive socket, as one buffer, and parsed. */
export const FLOOR = "unsigned node:http + JSON.parse (floor)";
export const FETCH_FLOOR = "unsigned fetch + JSON.parse";

/**
 * The variants, each a factory that imports only its own libraries and makes its call (resolving to the number
 * of items it read). Every signed one signs for `iot` in us-east-1 with the same keys; none retries a success, so
 * each call is one request.
 *
 * @type {Record<string, (endpoint: string) => Promise<Call>>}
 */
export const variantFactories = {
  "@iot-jobs/client": async (endpoint) => {
    const { createIotJobsClient } = await import("@iot-jobs/client");
    const ours = createIotJobsClient({ region: "us-east-1", endpoint, credentials });
    return async () => {
      const { data, error } = await ours.listJobExecutionsForJob(input);
      if (error) throw error;
      return data.executionSummaries?.length ?? 0;
    };
  },
  "@aws-sdk/client-iot": async (endpoint) => {
    const { IoTClient, ListJobExecutionsForJobCommand } = await import("@aws-sdk/client-iot");
    const sdk = new IoTClient({ region: "us-east-1", endpoint, credentials });
    return async () => (await sdk.send(new ListJobExecutionsForJobCommand(input))).executionSummaries?.length ?? 0;
  },
  "openapi-fetch + aws4fetch": async (endpoint) => {
    const [{ AwsClient }, { default: createClient }] = await Promise.all([
      import("aws4fetch"),
      import("openapi-fetch"),
    ]);
    const aws = new AwsClient({ ...credentials, service: "iot", region: "us-east-1", retries: 0 });
    /** @type {import("openapi-fetch").Client<import("@iot-jobs/spec").paths>} */
    const openapi = createClient({ baseUrl: endpoint, fetch: (request) => aws.fetch(request) });
    return async () => {
      const { data, error } = await openapi.GET("/jobs/{jobId}/things", {
        params: { path: { jobId: input.jobId }, query: { maxResults: PAGE_SIZE } },
      });
      if (error) throw new Error(JSON.stringify(error));
      return data.executionSummaries?.length ?? 0;
    };
  },
  "aws4fetch + fetch": async (endpoint) => {
    const { AwsClient } = await import("aws4fetch");
    const aws = new AwsClient({ ...credentials, service: "iot", region: "us-east-1", retries: 0 });
    const url = `${endpoint}/jobs/${input.jobId}/things?maxResults=${PAGE_SIZE}`;
    return async () => JSON.parse(await (await aws.fetch(url)).text()).executionSummaries.length;
  },
  [FETCH_FLOOR]: async (endpoint) => {
    const url = `${endpoint}/jobs/${input.jobId}/things?maxResults=${PAGE_SIZE}`;
    return async () => JSON.parse(await (await fetch(url)).text()).executionSummaries.length;
  },
  [FLOOR]: async (endpoint) => {
    const agent = new http.Agent({ keepAlive: true });
    const { hostname, port } = new URL(endpoint);
    const options = { agent, hostname, port, path: `/jobs/${input.jobId}/things?maxResults=${PAGE_SIZE}` };
    return () =>
      new Promise((resolve, reject) => {
        http
          .get(options, (response) => {
            /** @type {Buffer[]} */
            const chunks = [];
            response.on("data", (chunk) => chunks.push(chunk));
            response.on("error", reject);
            response.on("end", () => {
              // One chunk (the usual case on loopback) is the body as it is: no copy.
              const body = chunks.length === 1 ? /** @type {Buffer} */ (chunks[0]) : Buffer.concat(chunks);
              resolve(JSON.parse(body.toString()).executionSummaries.length);
            });
          })
          .on("error", reject);
      });
  },
};

/**
 * Starts one runner process per variant, each ready to run blocks of calls against `endpoint` on request.
 *
 * @param {string} endpoint
 * @returns {Promise<{ runners: Record<string, Runner>, close: () => void }>}
 */
async function startRunners(endpoint) {
  /** @type {Record<string, Runner>} */
  const runners = {};
  /** @type {import("node:child_process").ChildProcess[]} */
  const children = [];
  for (const name of Object.keys(variantFactories)) {
    const child = fork(runnerScript, [name, endpoint], {
      execArgv: ["--expose-gc"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    children.push(child);
    runners[name] = (message) =>
      new Promise((resolve, reject) => {
        const onExit = (/** @type {number | null} */ code) => reject(new Error(`${name} runner exited ${code}`));
        child.once("exit", onExit);
        child.once("message", (/** @type {any} */ reply) => {
          child.off("exit", onExit);
          if (reply.error) reject(new Error(`${name}: ${reply.error}`));
          else resolve(reply);
        });
        child.send(message);
      });
  }
  return {
    runners,
    close: () => {
      for (const child of children) child.kill();
    },
  };
}

/**
 * @typedef {(message: { warmup?: number, calls?: number }) => Promise<{ wallMs: number[], cpuMs: number }>} Runner
 *   asks a runner process to warm up, or to run one block of calls
 */

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
  const { runners, close } = await startRunners(server.url);
  const names = Object.keys(runners);
  /** @type {Record<string, number[]>} */ const wall = Object.fromEntries(names.map((n) => [n, []]));
  /** @type {Record<string, number[]>} */ const cpu = Object.fromEntries(names.map((n) => [n, []]));
  /** @type {Record<string, number[]>} */ const roundMedians = Object.fromEntries(names.map((n) => [n, []]));
  let done = 0;
  try {
    for (const name of names) await runners[name]?.({ warmup });
    for (let r = 0; r < rounds && (r < 2 || performance.now() < deadline); r++) {
      // Rotate the order every round: drift (CPU frequency, other load) hits every variant alike.
      for (const name of [...names.slice(r % names.length), ...names.slice(0, r % names.length)]) {
        const block = await /** @type {Runner} */ (runners[name])({ calls });
        cpu[name]?.push(block.cpuMs / calls);
        wall[name]?.push(...block.wallMs);
        roundMedians[name]?.push(round(median(block.wallMs) * 1000));
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
  const reference = "openapi-fetch + aws4fetch";
  /**
   * Ratios of the two variants' figures within each round (same moment, same load), summarized over rounds: wall
   * time from each block's median, CPU time from each block's total.
   * @param {string} a
   * @param {string} b
   * @param {Record<string, number[]>} perBlock
   */
  const perRound = (a, b, perBlock) => {
    const xs = (perBlock[a] ?? []).map((x, i) => ratio(x, perBlock[b]?.[i])).filter((x) => x !== null);
    return xs.length > 0 ? roundSummary(summarize(xs)) : null;
  };
  /** @type {[string, string, string][]} the ratios of the goals and the report: [name, numerator, denominator] */
  const pairs = [
    ["sdk/ours", SDK, OURS],
    ["ours/floor", OURS, FLOOR],
    ["ours/fetch floor", OURS, FETCH_FLOOR],
    ["sdk/floor", SDK, FLOOR],
    ["fetch floor/floor", FETCH_FLOOR, FLOOR],
  ];
  return {
    status: "measured",
    settings: { ...settings, pageItems: PAGE_SIZE, inFlight: 1 },
    variants: results,
    /** @type {Record<string, ReturnType<typeof perRound>>} */
    perRoundRatios: Object.fromEntries(
      pairs.flatMap(([name, a, b]) => [
        [`${name} wall`, perRound(a, b, roundMedians)],
        [`${name} cpu`, perRound(a, b, cpu)],
      ]),
    ),
    /** @type {Record<string, number | null>} */
    ratios: {
      ...Object.fromEntries(
        pairs.flatMap(([name, a, b]) => [
          [`${name} wall`, r(a, b, "wallUs")],
          [`${name} cpu`, r(a, b, "cpuUs")],
        ]),
      ),
      "sdk/(openapi-fetch + aws4fetch) wall": r(SDK, reference, "wallUs"),
      "(openapi-fetch + aws4fetch)/floor wall": r(reference, FLOOR, "wallUs"),
      "(aws4fetch + fetch)/fetch floor wall": r("aws4fetch + fetch", FETCH_FLOOR, "wallUs"),
    },
  };
}
