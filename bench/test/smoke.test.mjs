// A smoke run of the whole suite with tiny counts (`run.mjs --quick`): every harness starts its servers, drives
// every client, checks what it read, and reports figures whose ratios are the quotients of the medians they name.
// No figure is asserted against a clock. Budget: about a minute (moto and Python start-up dominate).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, test } from "vitest";
import { peers } from "../src/sections/peers.mjs";

const runScript = fileURLToPath(new URL("../src/run.mjs", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "iot-jobs-bench-smoke-"));
const out = join(dir, "results.json");
/** @type {any} */
let doc;
/** @type {ReturnType<typeof spawnSync>} */
let child;
/** @type {string[]} */
let missing = [];

beforeAll(async () => {
  missing = (await peers()).missing;
  if (missing.length > 0 && process.env.CI !== "true")
    console.warn(
      `[@iot-jobs/bench] ${missing.join(", ")} missing: the mock-vs-moto section will report "not measured"`,
    );
  child = spawnSync(process.execPath, [runScript, "--quick", "--out", out], { encoding: "utf8", timeout: 200_000 });
  doc = JSON.parse(readFileSync(out, "utf8"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A stored ratio (rounded to 4 significant digits) is the quotient of the medians it names. */
const expectQuotient = (/** @type {number} */ stored, /** @type {number} */ a, /** @type {number} */ b) =>
  expect(Math.abs(stored / (a / b) - 1)).toBeLessThan(1e-3);

test("the suite exits 0, or 1 only when a peer is missing under CI=true", () => {
  const want = missing.length > 0 && process.env.CI === "true" ? 1 : 0;
  expect(child.status, String(child.stderr)).toBe(want);
  expect(String(child.stdout)).toMatch(/goal [✓✗] client app ≤ 7,000 bytes gzip/);
});

test("the results name the run: date, machine, load at start and end, versions, tree", () => {
  expect(doc.quick).toBe(true);
  expect(doc.machine.cpus).toBeGreaterThan(0);
  expect(doc.load.start).toHaveLength(3);
  expect(doc.load.end).toHaveLength(3);
  expect(doc.versions).toMatchObject({ node: process.version, "@aws-sdk/client-iot": "3.1169.0", aws4fetch: "1.0.20" });
  expect(Date.parse(doc.date)).not.toBeNaN();
});

test("size: three bundles, gzip smaller than minified, ratios from the byte counts", () => {
  const { bundles, ratios } = doc.sections.size;
  expect(Object.keys(bundles)).toEqual(["ours", "sdk", "openapi-fetch + aws4fetch"]);
  expect(bundles.ours.entry).toMatch(/packages\/client\/test\/budget\/app\.ts$/);
  for (const b of Object.values(bundles)) expect(b.gzip).toBeLessThan(b.raw);
  expect(bundles.ours.largest.map((/** @type {[string, number]} */ [name]) => name)).toContain("openapi-fetch");
  expectQuotient(ratios["sdk/ours gzip"], bundles.sdk.gzip, bundles.ours.gzip);
});

test("per-call: every variant ran rounds × calls checked calls, ratios are quotients of the medians", () => {
  const { variants, ratios, settings } = doc.sections["per-call"];
  expect(Object.keys(variants)).toHaveLength(6);
  for (const v of Object.values(variants)) {
    expect(v.wallUs.n).toBe(settings.rounds * settings.calls);
    expect(v.cpuUs.n).toBe(settings.rounds);
    expect(v.wallUs.p25).toBeLessThanOrEqual(v.wallUs.median);
  }
  const ours = variants["@iot-jobs/client"];
  expectQuotient(ratios["sdk/ours wall"], variants["@aws-sdk/client-iot"].wallUs.median, ours.wallUs.median);
  expectQuotient(
    ratios["ours/floor cpu"],
    ours.cpuUs.median,
    variants["unsigned node:http + JSON.parse (floor)"].cpuUs.median,
  );
  expectQuotient(
    ratios["ours/fetch floor wall"],
    ours.wallUs.median,
    variants["unsigned fetch + JSON.parse"].wallUs.median,
  );
});

test("mock vs moto: every target scanned the whole job, or the section says which peer is missing", () => {
  const section = doc.sections["mock-vs-moto"];
  if (missing.includes("python3 with boto3")) {
    expect(section).toMatchObject({ status: "not measured", reason: expect.stringContaining("boto3") });
    return;
  }
  expect(section.status).toBe("measured");
  expect(section.targets.mock.pagesPerScan).toBe(2); // 300 executions in pages of 250
  expect(section.targets["mock, Connection: close"].connectionHeader).toBe("close");
  expect(section.targets.mock.serverCpuMsPerPage).toBeGreaterThanOrEqual(0);
  expect(section.ceiling.leanSinglePageRps.n).toBe(section.settings.rounds);
  if (missing.length > 0) return expect(section.moto.status).toBe("not measured");
  expect(section.targets.moto.connectionHeader).toBe("close");
  expect(section.motoSeed.method).toMatch(/create_job/);
  expectQuotient(
    section.ratios["mock/moto lean scan pages/s"],
    section.targets.mock.leanScanPagesPerSecond.median,
    section.targets.moto.leanScanPagesPerSecond.median,
  );
});

test("scale: the client and the fetch control scanned every execution, the mock reported its memory", () => {
  const { client, mock, status } = doc.sections.scale;
  expect(status).toBe("measured");
  expect(client).toMatchObject({ items: 5_000, pages: 20 });
  expectQuotient(client["last/first"], client.last10PercentMedianMs, client.first10PercentMedianMs);
  expect(client.rssGrowthByTenthMB).toHaveLength(10);
  expect(doc.sections.scale.control).toMatchObject({ complete: true, items: 5_000, pages: 20 });
  expect(mock.gc).toBe(true);
  expect(mock.rssAfterMB).toBeGreaterThan(0);
});

test("cold start: both packages imported in fresh processes, ratio of the medians", () => {
  const { modules, ratios, settings } = doc.sections["cold-start"];
  expect(modules["@iot-jobs/client"].importMs.n).toBe(settings.runs);
  expectQuotient(
    ratios["sdk/ours import"],
    modules["@aws-sdk/client-iot"].importMs.median,
    modules["@iot-jobs/client"].importMs.median,
  );
});
