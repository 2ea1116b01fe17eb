// The arithmetic that turns raw samples into each section's figures: medians, spreads and ratios on known inputs.
import { expect, test } from "vitest";
import { summarizePeers } from "./mock-vs-moto.mjs";
import { FETCH_FLOOR, FLOOR, OURS, SDK, summarizeRuns } from "./per-call.mjs";
import { summarizeScale } from "./scale.mjs";

test("per-call: medians in µs, CPU per call per block, and every ratio is the quotient of the medians it names", () => {
  const ms = (/** @type {number} */ x, /** @type {number} */ n) => Array.from({ length: n }, () => x);
  const result = summarizeRuns({
    wall: {
      [OURS]: [1, 1.2, 1.4],
      [SDK]: ms(3, 3),
      "openapi-fetch + aws4fetch": ms(1.5, 3),
      "aws4fetch + fetch": ms(1.1, 3),
      [FETCH_FLOOR]: ms(0.96, 3),
      [FLOOR]: ms(0.8, 3),
    },
    cpu: {
      [OURS]: [0.5, 0.7],
      [SDK]: [1.8, 1.8],
      "openapi-fetch + aws4fetch": [0.9, 0.9],
      "aws4fetch + fetch": [0.6, 0.6],
      [FETCH_FLOOR]: [0.6, 0.8],
      [FLOOR]: [0.4, 0.4],
    },
    roundMedians: {
      [OURS]: [1000, 2000, 1000],
      [SDK]: [3000, 3000, 2500],
      [FLOOR]: [800, 1000, 500],
    },
    settings: { warmup: 1, rounds: 2, calls: 3 },
  });
  expect(result.variants[OURS]?.wallUs).toMatchObject({ n: 3, median: 1200, p25: 1100, p75: 1300 });
  expect(result.variants[OURS]?.cpuUs.median).toBe(600);
  expect(result.ratios["sdk/ours wall"]).toBe(2.5);
  expect(result.ratios["ours/floor wall"]).toBe(1.5);
  expect(result.ratios["ours/fetch floor wall"]).toBe(1.25);
  expect(result.ratios["sdk/ours cpu"]).toBe(3);
  expect(result.ratios["ours/floor cpu"]).toBe(1.5);
  expect(result.ratios["ours/fetch floor cpu"]).toBe(0.8571);
  expect(result.ratios["fetch floor/floor cpu"]).toBe(1.75);
  expect(result.ratios["sdk/(openapi-fetch + aws4fetch) wall"]).toBe(2);
  expect(result.ratios["(aws4fetch + fetch)/fetch floor wall"]).toBe(1.146);
  // Within each round: 3000/1000, 3000/2000, 2500/1000 → median 2.5; 1000/800, 2000/1000, 1000/500 → 1.25, 2, 2.
  expect(result.perRoundRatios["sdk/ours wall"]).toMatchObject({ n: 3, median: 2.5, min: 1.5, max: 3 });
  expect(result.perRoundRatios["ours/floor wall"]).toMatchObject({ n: 3, median: 2, min: 1.25 });
  // CPU within each round, from each block's total: 1.8/0.5, 1.8/0.7.
  expect(result.perRoundRatios["sdk/ours cpu"]).toMatchObject({ n: 2, min: 2.5714, max: 3.6 });
  expect(result.perRoundRatios["ours/floor cpu"]).toMatchObject({ n: 2, min: 1.25, max: 1.75 });
});

test("mock vs moto: pages/s from scans, server CPU per page, ratios mock ÷ moto", () => {
  const scans = (/** @type {number} */ seconds) => [
    { seconds, pages: 40 },
    { seconds: seconds * 2, pages: 40 },
    { seconds, pages: 40 },
  ];
  const result = summarizePeers(
    {
      rounds: 3,
      boto3Scan: { mock: scans(1), "mock, Connection: close": scans(1), moto: scans(4) },
      leanScan: { mock: scans(0.25), "mock, Connection: close": scans(0.5), moto: scans(4) },
      boto3Single: { mock: [40, 42, 44], "mock, Connection: close": [40], moto: [10, 10.5, 11] },
      leanSingle: { mock: [150], "mock, Connection: close": [100], moto: [15] },
      serverCpu: {
        mock: { seconds: 0.48, pages: 120 },
        "mock, Connection: close": { seconds: 0.6, pages: 120 },
        moto: { seconds: 7.2, pages: 120 },
      },
      connection: { mock: "keep-alive", "mock, Connection: close": "close", moto: "close" },
      bytesPerScan: { mock: 51_000, "mock, Connection: close": 51_000, moto: 57_000 },
      pagesPerScan: { mock: 40, "mock, Connection: close": 40, moto: 40 },
      boto3: "1.43.11",
      botocore: "1.43.11",
      python: "3.11.7",
      ceiling: { leanSingle: [450, 500, 550], serverCpu: { seconds: 0.5, pages: 1000 } },
    },
    10_000,
  );
  expect(result.targets.mock?.leanScanPagesPerSecond.median).toBe(160); // 40 pages in 0.25 s
  expect(result.targets.moto?.leanScanPagesPerSecond.median).toBe(10);
  expect(result.targets.mock?.serverCpuMsPerPage).toBe(4);
  expect(result.targets.moto?.pagesPerScan).toBe(40);
  expect(result.ratios["mock/moto lean scan pages/s"]).toBe(16);
  expect(result.ratios["mock/moto boto3 scan pages/s"]).toBe(4);
  expect(result.ratios["mock/moto boto3 single-page rps"]).toBe(4);
  expect(result.ratios["mock/moto lean single-page rps"]).toBe(10);
  expect(result.ratios["mock keep-alive/close lean scan pages/s"]).toBe(2);
  expect(result.ratios["moto/mock server CPU per page"]).toBe(15);
  expect(result.ceiling).toMatchObject({ serverCpuMsPerPage: 0.5, leanSinglePageRps: { median: 500 } });
  expect(result.ratios["ceiling/moto lean single-page rps"]).toBeCloseTo(33.33, 2);
});

test("mock vs moto without moto: the mock's figures stand, the ratios to moto are null", () => {
  const one = { mock: [{ seconds: 1, pages: 2 }], "mock, Connection: close": [{ seconds: 1, pages: 2 }] };
  const result = summarizePeers(
    {
      rounds: 1,
      boto3Scan: one,
      leanScan: one,
      boto3Single: { mock: [1], "mock, Connection: close": [1] },
      leanSingle: { mock: [1], "mock, Connection: close": [1] },
      serverCpu: {},
      connection: {},
      bytesPerScan: {},
      pagesPerScan: { mock: 2, "mock, Connection: close": 2 },
      boto3: "x",
      botocore: "x",
      python: "x",
    },
    300,
  );
  expect(result.ratios["mock/moto lean scan pages/s"]).toBeNull();
  expect(result.targets.mock?.leanScanPagesPerSecond.median).toBe(2);
});

test("scale: first vs last 10 % of pages, RSS growth from the higher of the two peaks, memory per 1M", () => {
  const pageMs = [
    ...Array.from({ length: 10 }, () => 10),
    ...Array.from({ length: 80 }, () => 12),
    ...Array.from({ length: 10 }, () => 15),
  ];
  const MB = 1024 * 1024;
  const result = summarizeScale(
    {
      complete: true,
      items: 25_000,
      totalMs: 2_000,
      pageMs,
      baselineRss: 60 * MB,
      sampledPeakRss: 70 * MB,
      peakRss: 72 * MB,
      retainedHeap: 0.5 * MB,
      growthByTenth: [5 * MB, 12 * MB],
    },
    {
      executions: 250_000,
      seedMs: 100,
      before: { rss: 80 * MB, heapUsed: 10 * MB, arrayBuffers: 0, gc: true },
      after: { rss: 100 * MB, heapUsed: 18 * MB, arrayBuffers: 2 * MB },
    },
    {
      complete: true,
      items: 25_000,
      totalMs: 1_000,
      pageMs,
      baselineRss: 50 * MB,
      sampledPeakRss: 58 * MB,
      peakRss: null,
      retainedHeap: 0,
    },
  );
  expect(result.client.rssGrowthByTenthMB).toEqual([5, 12]);
  expect(result.control).toMatchObject({ peakRssGrowthMB: 8, itemsPerSecond: 25_000, "last/first": 1.5 });
  expect(result.client).toMatchObject({
    first10PercentMedianMs: 10,
    last10PercentMedianMs: 15,
    "last/first": 1.5,
    peakRssGrowthMB: 12,
    sampledRssGrowthMB: 10,
    itemsPerSecond: 12_500,
  });
  expect(result.mock).toMatchObject({ rssPerMillionMB: 80, heapAndBuffersPerMillionMB: 40 });
  expect(result.status).toBe("measured");
});

test("scale: a scan stopped by its time cap is reported as partial", () => {
  const MB = 1024 * 1024;
  const result = summarizeScale(
    {
      complete: false,
      items: 500,
      totalMs: 10,
      pageMs: [1, 1],
      baselineRss: MB,
      sampledPeakRss: MB,
      peakRss: null,
      retainedHeap: 0,
    },
    {
      executions: 1_000,
      seedMs: 1,
      before: { rss: MB, heapUsed: 0, arrayBuffers: 0, gc: true },
      after: { rss: MB, heapUsed: 0, arrayBuffers: 0 },
    },
  );
  expect(result.status).toBe("partial");
  expect(result.reason).toMatch(/after 500 executions/);
});
