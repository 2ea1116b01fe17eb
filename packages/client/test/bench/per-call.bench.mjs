// Per-call time against a canned loopback server returning a 250-item page: @iot-jobs/client (dist) vs an
// unsigned fetch + JSON.parse vs @aws-sdk/client-iot, side by side in one run. Not a test: run it with
// `pnpm --filter @iot-jobs/client bench` after a build. Prints medians (µs) and ratios.
import { createServer } from "node:http";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { IoTClient, ListJobExecutionsForJobCommand } from "@aws-sdk/client-iot";
import { createIotJobsClient } from "../../dist/index.js";

const { values } = parseArgs({
  options: { rounds: { type: "string", default: "10" }, calls: { type: "string", default: "200" } },
});
const rounds = Number(values.rounds);
const calls = Number(values.calls);

const page = JSON.stringify({
  executionSummaries: Array.from({ length: 250 }, (_, i) => ({
    thingArn: `arn:aws:iot:us-east-1:123456789012:thing/sensor-${String(i).padStart(5, "0")}`,
    jobExecutionSummary: {
      status: "SUCCEEDED",
      queuedAt: 1764403200.123 + i,
      startedAt: 1764403204.5 + i,
      lastUpdatedAt: 1764403261.042 + i,
      executionNumber: 1,
      retryAttempt: 0,
    },
  })),
  nextToken: "AQICAHhvbWx0Zm9ybWVyLWZpcm13YXJlLXVwZGF0ZS0yMDI2LTExOjM",
});
const body = Buffer.from(page);
const server = createServer((_, response) => {
  response.writeHead(200, {
    "content-type": "application/json",
    "content-length": body.length,
    "x-amzn-RequestId": "6a1f2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b",
  });
  response.end(body);
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const endpoint = `http://127.0.0.1:${server.address().port}`;
const credentials = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };
const input = { jobId: "firmware-update-2026-11", maxResults: 250 };

const ours = createIotJobsClient({ region: "us-east-1", endpoint, credentials });
const sdk = new IoTClient({ region: "us-east-1", endpoint, credentials });
const url = `${endpoint}/jobs/${input.jobId}/things?maxResults=250`;

const variants = {
  "unsigned fetch + JSON.parse": async () => JSON.parse(await (await fetch(url)).text()).executionSummaries.length,
  "@iot-jobs/client": async () => {
    const { data, error } = await ours.listJobExecutionsForJob(input);
    if (error) throw error;
    return data.executionSummaries.length;
  },
  "@aws-sdk/client-iot": async () =>
    (await sdk.send(new ListJobExecutionsForJobCommand(input))).executionSummaries.length,
};

const samples = Object.fromEntries(Object.keys(variants).map((name) => [name, []]));
for (const run of Object.values(variants)) for (let i = 0; i < 300; i++) await run(); // warm-up
for (let round = 0; round < rounds; round++) {
  // Interleaved rounds, so that drift (GC, CPU frequency) hits every variant alike.
  for (const [name, run] of Object.entries(variants)) {
    for (let i = 0; i < calls; i++) {
      const start = performance.now();
      if ((await run()) !== 250) throw new Error(`${name}: wrong page`);
      samples[name].push(performance.now() - start);
    }
  }
}
server.close();
sdk.destroy();

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const m = Object.fromEntries(Object.entries(samples).map(([name, xs]) => [name, median(xs)]));
const base = m["unsigned fetch + JSON.parse"];
console.log(
  `Node ${process.version}, ${rounds} × ${calls} sequential calls per variant, 250-item page (${body.length} bytes)`,
);
for (const [name, value] of Object.entries(m)) {
  console.log(
    `${name.padEnd(30)} median ${(value * 1000).toFixed(0).padStart(6)} µs   ×${(value / base).toFixed(2)} of unsigned`,
  );
}
console.log(
  `@aws-sdk/client-iot / @iot-jobs/client = ×${(m["@aws-sdk/client-iot"] / m["@iot-jobs/client"]).toFixed(2)}`,
);
