import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import { fleet, job, type MockServer, startMockServer, TEST_CREDENTIALS } from "@iot-jobs/mocks/node";
import { afterAll, beforeAll, expect, test } from "vitest";

// A client whose whole process runs 20 minutes ahead (libfaketime), against the standalone mock in strict mode on
// the true clock: the first call is refused ("Signature not yet current"), the client adopts the server's Date and
// retries, later calls sign right at once. Both built entries (dist/index.js with aws4fetch, dist/node.js with
// node:crypto, sent with node:http). A missing faketime fails under CI=true and skips, with a message, elsewhere.
const ci = process.env.CI === "true";
const hasFaketime = (() => {
  try {
    execFileSync("faketime", ["-f", "+20m", "node", "-e", ""], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();
if (!hasFaketime && !ci) {
  console.warn(
    "[@iot-jobs/client] faketime not found: the skewed-clock process test is skipped (CI=true makes it fail)",
  );
}
const runs = test.runIf(hasFaketime || ci);

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer({ strictAuth: true });
  server.mock.store.createJob(job("fw-1", { fleet: fleet(3) }));
});
afterAll(async () => {
  await server?.close();
});

/** Runs two calls of the built client in a child process whose clock is 20 minutes ahead. */
async function skewedCalls(entry: string) {
  const script = `
    const { createIotJobsClient } = await import(${JSON.stringify(new URL(`../../dist/${entry}`, import.meta.url).href)});
    const client = createIotJobsClient(${JSON.stringify({ region: "us-east-1", endpoint: server.url, credentials: { ...TEST_CREDENTIALS } })});
    const out = [];
    for (let i = 0; i < 2; i++) {
      const { data, error, $metadata } = await client.listJobExecutionsForJob({ jobId: "fw-1" });
      out.push({ items: data?.executionSummaries?.length, error: error?.message, attempts: $metadata.attempts, skew: Date.now() });
    }
    console.log(JSON.stringify(out));`;
  const { stdout } = await promisify(execFile)("faketime", ["-f", "+20m", "node", "--input-type=module", "-e", script]);
  return JSON.parse(stdout) as { items?: number; error?: string; attempts: number; skew: number }[];
}

for (const entry of ["index.js", "node.js"]) {
  runs(`dist/${entry} under faketime +20m: refused once by strict auth, then corrected for good`, async () => {
    expect(hasFaketime, "faketime (Debian package faketime) is required in CI").toBe(true);
    server.mock.reset();
    server.mock.store.createJob(job("fw-1", { fleet: fleet(3) }));
    const before = Date.now();
    const [first, second] = await skewedCalls(entry);
    // The child's clock really was off: 20 minutes ahead of the true time (when this suite itself runs under a
    // shifted clock, the server's time is shifted too, further away still).
    expect(Math.abs(first!.skew - before)).toBeGreaterThan(19 * 60_000);
    expect([first?.error, second?.error]).toEqual([undefined, undefined]);
    expect(first).toMatchObject({ items: 3, attempts: 2 });
    expect(second).toMatchObject({ items: 3, attempts: 1 });
    expect(server.mock.history.map((r) => [r.status, r.errorType])).toEqual([
      [403, "InvalidSignatureException"],
      [200, undefined],
      [200, undefined],
    ]);
  });
}
