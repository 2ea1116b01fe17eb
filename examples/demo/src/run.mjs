// @ts-check
// `pnpm start` after the build: the mock with the demo fleet, the docs, the walk through the demo job, what to
// paste, then serving until Ctrl-C (or not, with --once).
import { existsSync } from "node:fs";
import { join } from "node:path";
import { createIotJobsClient } from "@iot-jobs/client";
import { TEST_CREDENTIALS } from "@iot-jobs/mocks";
import { startMockServer } from "@iot-jobs/mocks/node";
import { createDemoMock, demoJobId, rollout } from "./demo-fleet.mjs";
import { serveDocs } from "./docs-server.mjs";
import { listenWithFallback } from "./listen.mjs";
import { showRollout } from "./live-status.mjs";
import { docsDist } from "./paths.mjs";
import { createProgress } from "./progress.mjs";
import { listCommand, snippets } from "./snippets.mjs";
import { summarize } from "./summary.mjs";
import { walkJob } from "./walk.mjs";

const region = "us-east-1";

/**
 * Runs the demo with `options`; resolves once everything is closed (at once with --once, after Ctrl-C otherwise).
 * @param {import("./options.mjs").StartOptions} options
 * @param {NodeJS.WriteStream} out
 * @example
 * await run(readOptions(process.argv.slice(2), { isTTY: true, ci: false }), process.stdout);
 */
export async function run(options, out) {
  const say = (/** @type {string[]} */ ...lines) => out.write(`${lines.join("\n")}\n`);
  if (!existsSync(join(docsDist, "index.html"))) throw new Error(`${docsDist}index.html is missing: build first`);

  const { mock, demo } = createDemoMock({ region });
  const started = await listenWithFallback((port) => startMockServer({ mock, port, cors: true }), options.mockPort);
  const mockServer = started.value;
  const docs = await listenWithFallback((port) => serveDocs(docsDist, port), options.docsPort);
  const close = () => Promise.all([mockServer.close(), docs.value.close()]);
  try {
    say("", `iot-jobs: the mock  ${mockServer.url}${moved(started.fellBack, options.mockPort)}`);
    say(`iot-jobs: the docs  ${docs.value.url}${moved(docs.fellBack, options.docsPort)}`);
    say(`  jobs: ${demoJobId} (a rollout under way: ${rollout.ratePerMinute / 60} things start every second, each`);
    say("        takes 40 s), firmware-2026-10 (an aborted rollout), inventory-scan (100,000 things)", "");

    const client = createIotJobsClient({ region, endpoint: mockServer.url, credentials: TEST_CREDENTIALS });
    say(`Demo: every execution of ${demoJobId}, through @iot-jobs/client, 250 a page`);
    const total = await jobSize(mockServer.url, demoJobId);
    const progress = createProgress(total, out);
    const t0 = performance.now();
    const walk = await walkJob(client, demoJobId, { onPage: (seen, pages) => progress.update(seen, pages) });
    progress.done(walk.total, walk.pages, performance.now() - t0);
    // Commands to paste are printed only while there is a mock to paste them against (not with --once).
    const listing = (/** @type {string} */ status) =>
      listCommand({ mockUrl: mockServer.url, jobId: demoJobId, region, status });
    say(...summarize(demoJobId, walk, options.serve ? { listCommand: listing } : {}), "");
    if (!options.serve) {
      return say(
        "iot-jobs: done (--once): the mock and the docs have stopped. To keep them running, with the commands that",
        "point the aws CLI, boto3 or @iot-jobs/client at the mock, run `pnpm start` in a terminal (Ctrl-C stops it).",
      );
    }
    say(...snippets({ mockUrl: mockServer.url, docsUrl: docs.value.url, jobId: demoJobId, region }));
    say("", "Serving until Ctrl-C. The rollout goes on:");
    const stop = showRollout(mock, demo, out);
    await untilSignal();
    stop();
    say("iot-jobs: closing the mock and the docs");
  } finally {
    await close();
  }
}

/**
 * Resolves on the first SIGINT or SIGTERM, and keeps swallowing them afterwards: Ctrl-C reaches this process twice
 * (from the terminal, and forwarded by pnpm), and the second one must not kill it while it closes.
 */
function untilSignal() {
  return new Promise((resolve) => {
    for (const signal of /** @type {const} */ (["SIGINT", "SIGTERM"])) process.on(signal, () => resolve(signal));
  });
}

/** @param {boolean} fellBack @param {number} wanted */
const moved = (fellBack, wanted) => (fellBack ? `   (port ${wanted} is taken: another free one)` : "");

/** The job's size from the mock's control API, for the progress bar (0 if unknown). @param {string} url @param {string} jobId */
async function jobSize(url, jobId) {
  const res = await fetch(`${url}/_mock/jobs`);
  const { jobs } = /** @type {{ jobs: { jobId: string, size: number }[] }} */ (await res.json());
  return jobs.find((j) => j.jobId === jobId)?.size ?? 0;
}
