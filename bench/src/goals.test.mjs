import { expect, test } from "vitest";
import { goals, judge, undecided } from "./goals.mjs";
import { renderMarkdown, renderSummary } from "./report.mjs";
import { FETCH_FLOOR, FLOOR, OURS, SDK } from "./sections/per-call.mjs";

test("undecided: a target inside the per-round p25–p75 is flagged, one outside is not", () => {
  expect(undecided(2, { p25: 1.6, p75: 2.1 })).toBe(
    "; ×2 lies within the per-round p25–p75 (×1.60–×2.10): not decided by one run",
  );
  expect(undecided(2, { p25: 2.1, p75: 2.4 })).toBe("");
  expect(undecided(2, null)).toBe("");
});

test.each(
  /** @type {[number | null, "≤" | "≥" | "<" | ">", number, string][]} */ ([
    [7_000, "≤", 7_000, "met"],
    [7_001, "≤", 7_000, "missed"],
    [2, "≥", 2, "met"],
    [1.99, "≥", 2, "missed"],
    [64, "<", 64, "missed"],
    [1.8, ">", 1.8, "missed"],
    [1.81, ">", 1.8, "met"],
    [null, "≥", 2, "not measured"],
  ]),
)("judge(%s %s %s) is %s", (value, cmp, target, want) => {
  expect(judge(value, cmp, target)).toBe(want);
});

/** A results document with every section, figures chosen so that some goals are met and some missed. */
const doc = {
  command: "pnpm bench",
  totalSeconds: 1,
  date: "2026-11-29T10:00:00.000Z",
  machine: { cpus: 2, cpuModel: "cpu", memoryGiB: 24, os: "linux" },
  versions: {
    node: "v20.20.2",
    "@iot-jobs/client": "0.0.0",
    "@iot-jobs/mocks": "0.0.0",
    "@aws-sdk/client-iot": "3.1169.0",
    "openapi-fetch": "0.17.0",
    aws4fetch: "1.0.20",
    esbuild: "0.27.7",
  },
  tree: { commit: "abc1234", uncommittedSourceFiles: 0 },
  load: { start: [1, 1, 1], end: [1, 1, 1] },
  sections: {
    size: {
      status: "measured",
      bundles: {
        ours: { raw: 16_000, gzip: 7_100, modules: 17, largest: [["aws4fetch", 6_000]] },
        sdk: { raw: 270_000, gzip: 84_000, modules: 700, largest: [["@smithy/core", 100_000]] },
        "openapi-fetch + aws4fetch": { raw: 14_000, gzip: 5_500, modules: 3, largest: [] },
      },
      ratios: {
        "sdk/ours gzip": 84_000 / 7_100,
        "sdk/ours raw": 270_000 / 16_000,
        "ours/(openapi-fetch + aws4fetch) gzip": 7_100 / 5_500,
      },
    },
    "per-call": { status: "not measured", reason: "skipped in this test" },
    "mock-vs-moto": { status: "failed", reason: "moto exited" },
    scale: {
      status: "measured",
      client: {
        peakRssGrowthMB: 30,
        "last/first": 1.05,
        first10PercentMedianMs: 5,
        last10PercentMedianMs: 5.25,
        items: 1,
        pages: 1,
        pageMs: { median: 5, p25: 4, p75: 6 },
      },
      mock: { rssPerMillionMB: 80 },
    },
  },
};

test("goals: met and missed with their margins, not measured where a section did not run", () => {
  const byId = Object.fromEntries(goals(doc).map((g) => [g.id, g]));
  expect(byId["size-gzip"]).toMatchObject({
    section: "size",
    status: "missed",
    measured: "7,100 bytes",
    margin: "100 bytes over (1.4 %)",
  });
  expect(byId["size-ratio"]).toMatchObject({ status: "missed", margin: "ours needs ≤ 7,000 bytes gzip, 100 fewer" });
  expect(byId["speed-sdk"]?.status).toBe("not measured");
  expect(byId["mock-moto"]).toMatchObject({ section: "mock-vs-moto", status: "not measured" });
  expect(byId["scale-rss"]).toMatchObject({ status: "met", margin: "34.0 MB to spare" });
  expect(byId["scale-flat"]).toMatchObject({ status: "met", measured: "×1.05" });
});

test("BENCHMARKS.md names every goal, says why a section is missing, and closes on the missed goals", () => {
  const markdown = renderMarkdown(doc);
  for (const g of goals(doc)) expect(markdown).toContain(g.goal);
  expect(markdown).toContain("**Not measured:** skipped in this test");
  expect(markdown).toContain("**Failed:** moto exited");
  expect(markdown).toMatch(/## Missed goals[\s\S]*client app ≤ 7,000 bytes gzip\*\*: 7,100 bytes; 100 bytes over/);
  expect(renderSummary(doc)).toMatch(/goal ✗ client app ≤ 7,000 bytes gzip: 7,100 bytes/);
});

test("per-call goals: SDK ÷ ours by wall and by CPU, the per-round p25, ours ÷ the node:http floor", () => {
  const v = (/** @type {number} */ wall, /** @type {number} */ cpu) => ({
    wallUs: { median: wall, p25: wall, p75: wall },
    cpuUs: { median: cpu, p25: cpu, p75: cpu },
  });
  const perCall = {
    status: "measured",
    settings: { warmup: 1, rounds: 40, calls: 5, pageItems: 250, inFlight: 1 },
    variants: {
      "openapi-fetch + aws4fetch": v(1000, 1200),
      "aws4fetch + fetch": v(1100, 1300),
      [OURS]: v(600, 700),
      [SDK]: v(1500, 1050),
      [FLOOR]: v(500, 560),
      [FETCH_FLOOR]: v(800, 900),
    },
    ratios: { "sdk/ours wall": 2.5, "sdk/ours cpu": 1.5, "ours/floor wall": 1.2, "ours/floor cpu": 1.25 },
    perRoundRatios: {
      "sdk/ours wall": { n: 40, median: 2.4, p25: 1.7, p75: 2.9 },
      "sdk/ours cpu": { n: 40, median: 1.5, p25: 1.4, p75: 1.6 },
      "ours/floor wall": { n: 40, median: 1.2, p25: 1.1, p75: 1.3 },
    },
  };
  const byId = Object.fromEntries(goals({ ...doc, sections: { "per-call": perCall } }).map((g) => [g.id, g]));
  expect(byId["speed-sdk"]).toMatchObject({ section: "per-call", status: "met" });
  expect(byId["speed-sdk-cpu"]).toMatchObject({
    status: "missed",
    margin:
      "ours needs ≤ 0.66 ms of CPU per call (SDK ÷ 1.6), 0.04 ms (6.3 %) less than now; ×1.6 lies within the per-round p25–p75 (×1.40–×1.60): not decided by one run",
  });
  expect(byId["speed-sdk-rounds"]).toMatchObject({ status: "missed", measured: expect.stringMatching(/^p25 ×1\.70/) });
  expect(byId["speed-floor"]).toMatchObject({ status: "met", margin: "0.15 ms per call to spare; by CPU time ×1.25" });
  const markdown = renderMarkdown({ ...doc, sections: { ...doc.sections, "per-call": perCall } });
  expect(markdown).toMatch(/## Missed goals[\s\S]*≥ 1\.6× less CPU time than the SDK per call/);
});
