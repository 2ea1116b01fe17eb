// Figures for the report: build time and memory of the large-fleet scenario, and pages/s of the standalone server
// (the bin in its own process; 250-item pages of a 1,000,000-execution job over loopback, keep-alive).
// Run: pnpm --filter @iot-jobs/mocks run build && node --expose-gc packages/mocks/test/bench/measure.mjs
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { Agent, get as httpGet } from "node:http";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { createIotJobsMock, scenarios } from "../../dist/node.js";

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const heap = () => {
  globalThis.gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

for (const count of [100_000, 1_000_000]) {
  const before = heap();
  const mock = createIotJobsMock();
  const t = performance.now();
  mock.store.createJob(scenarios.largeFleet({ count }));
  const ms = performance.now() - t;
  console.log(
    `largeFleet(${count.toLocaleString("en")}): built in ${ms.toFixed(0)} ms, heap + array buffers +${mb(heap() - before)}`,
  );
  mock.reset();
}

const cli = fileURLToPath(new URL("../../dist/cli.js", import.meta.url));
const child = spawn(process.execPath, [cli, "--port", "0", "--quiet"], { stdio: ["ignore", "pipe", "inherit"] });
process.on("exit", () => child.kill("SIGTERM")); // never leave the server behind, even on a failure
const base = await new Promise((resolve) => {
  let out = "";
  child.stdout.on("data", (c) => {
    out += c;
    const m = /listening on (\S+)/.exec(out);
    if (m) resolve(m[1]);
  });
});
await fetch(`${base}/_mock/seed`, {
  method: "POST",
  body: JSON.stringify({ scenarios: [{ name: "largeFleet", count: 1_000_000 }] }),
});
const url = `${base}/jobs/large-fleet/things?maxResults=250`;
// A lean keep-alive node:http client, so the figure is the server's rather than fetch's.
const agent = new Agent({ keepAlive: true });
const getJson = (href) =>
  new Promise((resolve, reject) => {
    httpGet(href, { agent }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve(JSON.parse(Buffer.concat(chunks).toString("utf8"))));
    }).on("error", reject);
  });

// The server's CPU time (Linux /proc, clock ticks of 10 ms): a per-page cost that does not depend on machine load.
const cpuMs = () => {
  const fields = readFileSync(`/proc/${child.pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
};

async function pages(concurrency, seconds, suffix = "") {
  let done = 0;
  const cpu0 = cpuMs();
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      let token = "";
      while (performance.now() < until) {
        token =
          (await getJson(`${url}${suffix}${token ? `&nextToken=${encodeURIComponent(token)}` : ""}`)).nextToken ?? "";
        done++;
      }
    }),
  );
  return { perSecond: done / seconds, cpuPerPage: (cpuMs() - cpu0) / done };
}
for (const [label, concurrency, suffix] of [
  ["1 client, unfiltered", 1, ""],
  ["4 clients, unfiltered", 4, ""],
  ["4 clients, status=FAILED", 4, "&status=FAILED"],
]) {
  const { perSecond, cpuPerPage } = await pages(concurrency, 5, suffix);
  console.log(
    `standalone server, 250-item pages of a 1,000,000-execution job, ${label}: ${perSecond.toFixed(0)} pages/s (server CPU ${cpuPerPage.toFixed(2)} ms/page)`,
  );
}
const t = performance.now();
let token = "";
let n = 0;
do {
  const body = await getJson(`${url}${token ? `&nextToken=${encodeURIComponent(token)}` : ""}`);
  n += body.executionSummaries.length;
  token = body.nextToken ?? "";
} while (token);
console.log(
  `full scan of 1,000,000 executions over loopback: ${n} items in ${((performance.now() - t) / 1000).toFixed(1)} s`,
);
agent.destroy();
child.kill("SIGTERM");
