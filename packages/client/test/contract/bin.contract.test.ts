import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { TEST_CREDENTIALS } from "@iot-jobs/mocks/node";
import { afterAll, afterEach, beforeAll, expect, test, vi } from "vitest";
import { createIotJobsClient } from "../../src/node.js";
import { drive, fakeTimers, scan } from "./harness.js";

// The client against the mocks' published bin in a process of its own (`iot-jobs-mock --port 0 --strict-auth`),
// driven only through its control API, as a team would run it: default scans under injected faults, and a skewed
// client clock against strict auth. The client's backoff runs on a fake clock (the bin's time is its own, real).
const cli = join(dirname(createRequire(import.meta.url).resolve("@iot-jobs/mocks/package.json")), "dist/cli.js");
const dir = mkdtempSync(join(tmpdir(), "iot-jobs-bin-"));
let bin: ChildProcess;
let url = "";

beforeAll(async () => {
  const creds = join(dir, "creds.json");
  writeFileSync(creds, JSON.stringify([TEST_CREDENTIALS]));
  bin = spawn(process.execPath, [cli, "--port", "0", "--strict-auth", creds, "--quiet"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  url = await new Promise<string>((resolve, reject) => {
    let out = "";
    bin.stdout!.on("data", (chunk) => {
      out += chunk;
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    bin.once("exit", (code) => reject(new Error(`iot-jobs-mock exited ${code}`)));
  });
});
afterAll(() => {
  bin?.kill("SIGTERM");
  rmSync(dir, { recursive: true, force: true });
});
afterEach(async () => {
  vi.useRealTimers();
  await control("POST", "/reset", {});
});

/** A call to the bin's control API (real timers: only the client's own backoff is faked). */
async function control<T = unknown>(method: string, path: string, body?: object): Promise<T> {
  const response = await fetch(`${url}/_mock${path}`, {
    method,
    headers: body ? { "content-type": "application/json" } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  expect(response.ok, `${method} ${path}: ${response.status}`).toBe(true);
  return (await response.json()) as T;
}
type History = { requests: { url: string; status: number; fault?: string; errorType?: string }[] };

const client = (config: { systemClockOffset?: number } = {}) =>
  createIotJobsClient({ region: "us-east-1", endpoint: url, credentials: TEST_CREDENTIALS, ...config });

test("bin: a default scan of 10,000 executions completes exactly once under 30 % throttling + 10 % 503s", async () => {
  await control("POST", "/seed", { jobs: [{ jobId: "fleet-10k", fleet: { count: 10_000 } }] });
  const clean = await scan(client().paginateListJobExecutionsForJob({ jobId: "fleet-10k" }));
  await control("POST", "/reset", {});
  await control("POST", "/seed", { jobs: [{ jobId: "fleet-10k", fleet: { count: 10_000 } }] });
  await control("POST", "/faults", { fault: { type: "throttling" }, rate: 0.3, seed: 25 });
  await control("POST", "/faults", { fault: { type: "unavailable" }, rate: 0.1 / 0.7, seed: 26 });
  fakeTimers();
  const { pages, executions } = await drive(
    scan(client().paginateListJobExecutionsForJob({ jobId: "fleet-10k" })),
    1_000,
  );
  vi.useRealTimers();
  const arns = executions.map((e) => e.thingArn);
  expect(new Set(arns).size).toBe(10_000);
  expect(arns).toEqual(clean.executions.map((e) => e.thingArn));
  const { requests } = await control<History>("GET", "/history");
  const throttled = requests.filter((r) => r.fault === "throttling").length;
  const unavailable = requests.filter((r) => r.fault === "unavailable").length;
  expect(throttled + unavailable).toBe(requests.length - pages.length);
  expect(Math.abs(throttled / requests.length - 0.3)).toBeLessThan(0.06);
  expect(Math.abs(unavailable / requests.length - 0.1)).toBeLessThan(0.04);
  // Some page needed more than one call of 3 attempts: the SDKs' standard mode would have ended the scan there.
  const perPage = new Map<string | null, number>();
  for (const r of requests) {
    const token = new URL(r.url, url).searchParams.get("nextToken");
    perPage.set(token, (perPage.get(token) ?? 0) + 1);
  }
  expect(Math.max(...perPage.values())).toBeGreaterThan(3);
});

for (const skew of [-20 * 60_000, 20 * 60_000]) {
  test(`bin: a client clock ${skew / 60_000} min off is corrected after one refusal by --strict-auth`, async () => {
    await control("POST", "/seed", { jobs: [{ jobId: "fw-1", fleet: { count: 3 } }] });
    const skewed = client({ systemClockOffset: skew });
    const first = await skewed.listJobExecutionsForJob({ jobId: "fw-1" });
    expect(first.data?.executionSummaries).toHaveLength(3);
    expect(first.$metadata.attempts).toBe(2);
    expect((await skewed.listJobExecutionsForJob({ jobId: "fw-1" })).$metadata.attempts).toBe(1);
    const { requests } = await control<History>("GET", "/history");
    expect(requests.map((r) => [r.status, r.errorType ?? null])).toEqual([
      [403, "InvalidSignatureException"],
      [200, null],
      [200, null],
    ]);
  });
}
