// Section 3, mock server vs moto: the same job (10,000 QUEUED executions) in the @iot-jobs/mocks standalone server
// (its bin, seeded from a seed file) and in moto_server, each in its own process; one Python process runs boto3
// against both, interleaved and repeated: full paginated scans at maxResults=250, then single-page requests/s.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { run, startServer } from "../processes.mjs";
import { ratio, round, roundSummary, summarize } from "../stats.mjs";
import { peers } from "./peers.mjs";

const mockBin = join(dirname(fileURLToPath(import.meta.resolve("@iot-jobs/mocks/package.json"))), "dist/cli.js");
const cannedServer = fileURLToPath(new URL("../servers/canned-page-server.mjs", import.meta.url));
const script = fileURLToPath(new URL("../../python/mock_vs_moto.py", import.meta.url));

/**
 * @typedef {{ executions: number, rounds: number, scanSeconds: number, singleSeconds: number, budgetMs: number }}
 *   MockVsMotoOptions
 */

/** @type {MockVsMotoOptions} */
export const defaults = { executions: 10_000, rounds: 4, scanSeconds: 2, singleSeconds: 1.5, budgetMs: 150_000 };
/** @type {MockVsMotoOptions} */
export const quick = { executions: 300, rounds: 2, scanSeconds: 0, singleSeconds: 0.2, budgetMs: 30_000 };

/**
 * Measures section 3; without boto3 it reports "not measured", without moto it measures the mock alone.
 *
 * @param {Partial<MockVsMotoOptions>} [options]
 * @example const { ratios } = await measure({ executions: 1_000 });
 */
export async function measure(options = {}) {
  const { executions, rounds, scanSeconds, singleSeconds, budgetMs } = { ...defaults, ...options };
  const found = await peers();
  const versions = { boto3: found.boto3, moto: found.moto };
  if (!found.boto3) return { status: "not measured", reason: `${found.missing.join(", ")} not installed`, versions };
  const jobId = "scan-10k";
  const thingPrefix = "sensor-";
  const dir = mkdtempSync(join(tmpdir(), "iot-jobs-bench-"));
  const seed = join(dir, "seed.json");
  writeFileSync(
    seed,
    JSON.stringify({ jobs: [{ jobId, fleet: { count: executions, thingNamePrefix: thingPrefix } }] }),
  );
  /** @type {import("../processes.mjs").Server[]} */
  const servers = [];
  try {
    const mock = await startServer(process.execPath, [mockBin, "--port", "0", "--quiet", "--seed", seed], {
      pattern: /listening on (\S+)/,
    });
    servers.push(mock);
    const moto = found.moto
      ? await startServer("moto_server", ["-H", "127.0.0.1", "-p", "0"], { pattern: /Running on (http:\S+)/ })
      : undefined;
    if (moto) servers.push(moto);
    const ceiling = await startServer(process.execPath, [cannedServer], { pattern: /listening on (\S+)/ });
    servers.push(ceiling);
    const config = {
      targets: { mock: mock.url, ceiling: ceiling.url, ...(moto ? { moto: moto.url } : {}) },
      pids: { mock: mock.child.pid, ceiling: ceiling.child.pid, ...(moto ? { moto: moto.child.pid } : {}) },
      jobId,
      executions,
      thingPrefix,
      rounds,
      scanSeconds,
      singleSeconds,
      budgetSeconds: budgetMs / 1000,
    };
    const out = await run("python3", [script, JSON.stringify(config)], {
      timeoutMs: budgetMs + 120_000,
      env: { ...process.env, AWS_CONFIG_FILE: "/dev/null", AWS_SHARED_CREDENTIALS_FILE: "/dev/null" },
    });
    if (out.status !== 0) {
      throw new Error(
        `mock_vs_moto.py ${out.timedOut ? "timed out" : `exited ${out.status}`}: ${out.stderr.slice(-2000)}`,
      );
    }
    return {
      ...summarizePeers(JSON.parse(out.stdout), executions),
      versions,
      ...(moto ? {} : { moto: { status: "not measured", reason: `${found.missing.join(", ")} not installed` } }),
    };
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * @typedef {{ seconds: number, pages: number }} Scan
 * @typedef {{ rounds: number, boto3Scan: Record<string, Scan[]>, leanScan: Record<string, Scan[]>,
 *   boto3Single: Record<string, number[]>, leanSingle: Record<string, number[]>,
 *   serverCpu: Record<string, { seconds: number, pages: number }>, connection: Record<string, string>,
 *   bytesPerScan: Record<string, number>, pagesPerScan: Record<string, number>, motoSeed?: unknown, boto3: string, botocore: string, python: string,
 *   ceiling?: { leanSingle: number[], serverCpu: { seconds: number, pages: number } } }} RawPeers
 */

/**
 * The section's result from the Python script's raw output: per target, pages/s of the full scans and single-page
 * requests/s, with boto3 and with the lean client (median, p25–p75 over rounds), the server's CPU per page, and the
 * ratios mock/moto.
 *
 * @param {RawPeers} raw
 * @param {number} executions
 */
export function summarizePeers(raw, executions) {
  const pagesPerSecond = (/** @type {Scan[]} */ scans) =>
    roundSummary(summarize(scans.map((s) => s.pages / s.seconds)));
  const targets = Object.fromEntries(
    Object.keys(raw.boto3Scan).map((name) => {
      const cpu = raw.serverCpu[name];
      return [
        name,
        {
          pagesPerScan: raw.pagesPerScan[name],
          firstPageBytes: raw.bytesPerScan[name],
          connectionHeader: raw.connection[name],
          boto3ScanPagesPerSecond: pagesPerSecond(raw.boto3Scan[name] ?? []),
          leanScanPagesPerSecond: pagesPerSecond(raw.leanScan[name] ?? []),
          boto3SinglePageRps: roundSummary(summarize(raw.boto3Single[name] ?? [])),
          leanSinglePageRps: roundSummary(summarize(raw.leanSingle[name] ?? [])),
          serverCpuMsPerPage: cpu && cpu.pages > 0 ? round((cpu.seconds * 1000) / cpu.pages, 3) : null,
        },
      ];
    }),
  );
  /**
   * @param {string} a
   * @param {string} b
   * @param {"boto3ScanPagesPerSecond" | "leanScanPagesPerSecond" | "boto3SinglePageRps" | "leanSinglePageRps"} kind
   */
  const r = (a, b, kind) => {
    const value = ratio(targets[a]?.[kind].median, targets[b]?.[kind].median);
    return value === null ? null : round(value, 4);
  };
  const cpu = ratio(targets.moto?.serverCpuMsPerPage, targets.mock?.serverCpuMsPerPage);
  // Within each round (same moment, same load): the mock's pages/s over moto's, summarized over the rounds.
  const rate = (/** @type {Scan | undefined} */ x) => (x ? x.pages / x.seconds : null);
  const perRound = (raw.leanScan.mock ?? [])
    .map((scan, i) => ratio(rate(scan), rate(raw.leanScan.moto?.[i])))
    .filter((x) => x !== null);
  const ceiling = raw.ceiling && {
    leanSinglePageRps: roundSummary(summarize(raw.ceiling.leanSingle)),
    serverCpuMsPerPage:
      raw.ceiling.serverCpu.pages > 0
        ? round((raw.ceiling.serverCpu.seconds * 1000) / raw.ceiling.serverCpu.pages, 3)
        : null,
  };
  const close = "mock, Connection: close";
  return {
    status: "measured",
    settings: { executions, pageSize: 250, rounds: raw.rounds, python: raw.python, boto3: raw.boto3 },
    motoSeed: raw.motoSeed ?? null,
    targets,
    ceiling: ceiling ?? null,
    perRoundRatios: { "mock/moto lean scan pages/s": perRound.length > 0 ? roundSummary(summarize(perRound)) : null },
    ratios: {
      "mock/moto boto3 scan pages/s": r("mock", "moto", "boto3ScanPagesPerSecond"),
      "mock/moto lean scan pages/s": r("mock", "moto", "leanScanPagesPerSecond"),
      "mock/moto boto3 single-page rps": r("mock", "moto", "boto3SinglePageRps"),
      "mock/moto lean single-page rps": r("mock", "moto", "leanSinglePageRps"),
      "mock (close)/moto lean scan pages/s": r(close, "moto", "leanScanPagesPerSecond"),
      "mock keep-alive/close lean scan pages/s": r("mock", close, "leanScanPagesPerSecond"),
      "moto/mock server CPU per page": cpu === null ? null : round(cpu, 4),
      "ceiling/moto lean single-page rps": (() => {
        const value = ratio(ceiling?.leanSinglePageRps.median, targets.moto?.leanSinglePageRps.median);
        return value === null ? null : round(value, 4);
      })(),
    },
  };
}
