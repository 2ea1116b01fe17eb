import { expect, test } from "vitest";
import { goals, judge, undecided } from "./goals.mjs";
import { renderMarkdown, renderSummary } from "./report.mjs";

test("undecided: a target inside the per-round p25–p75 is flagged, one outside is not", () => {
  expect(undecided(2, { p25: 1.6, p75: 2.1 })).toBe(
    "; ×2 lies within the per-round p25–p75 (×1.60–×2.10): not decided by one run",
  );
  expect(undecided(2, { p25: 2.1, p75: 2.4 })).toBe("");
  expect(undecided(2, null)).toBe("");
});

test.each(
  /** @type {[number | null, "≤" | "≥" | "<", number, string][]} */ ([
    [7_000, "≤", 7_000, "met"],
    [7_001, "≤", 7_000, "missed"],
    [2, "≥", 2, "met"],
    [1.99, "≥", 2, "missed"],
    [64, "<", 64, "missed"],
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
