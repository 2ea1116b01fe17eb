import { existsSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, test } from "vitest";
import * as source from "../../src/index.js";

// The built package (turbo builds it before the tests): what `npm publish` ships.
const dist = new URL("../../dist/", import.meta.url);
const read = (file: string) => readFileSync(new URL(file, dist), "utf8");

let server: Server;
let base: string;
const seen: { url?: string; authorization?: string }[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    seen.push({ url: request.url, authorization: request.headers.authorization });
    response.writeHead(200, { "content-type": "application/json", "x-amzn-RequestId": "loopback-1" });
    response.end(
      JSON.stringify({ executionSummaries: [{ thingArn: "arn:x", jobExecutionSummary: { queuedAt: 1.5 } }] }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

test("dist is built", () => {
  expect(existsSync(new URL("index.js", dist)), "run `pnpm --filter @iot-jobs/client build` first").toBe(true);
  expect(existsSync(new URL("index.d.ts", dist))).toBe(true);
});

test("dist bundles the private spec package (code and types) and imports only fetch-based dependencies", () => {
  for (const file of ["index.js", "index.d.ts"]) {
    expect(read(file)).not.toContain("@iot-jobs/spec");
    expect(read(file)).not.toMatch(/from ["']node:/);
  }
  const imports = [...read("index.js").matchAll(/^import .* from ["']([^"']+)["'];?$/gm)].map((m) => m[1]);
  expect(imports.sort()).toEqual(["aws4fetch", "openapi-fetch"]);
  // The spec's response examples stay out of the published code.
  expect(read("index.js")).not.toContain("firstPage");
});

test("dist exports what src exports", async () => {
  const built = await import(new URL("index.js", dist).href);
  expect(Object.keys(built).sort()).toEqual(Object.keys(source).sort());
});

test("dist makes a signed call to a real HTTP server on loopback", async () => {
  const { createIotJobsClient } = await import(new URL("index.js", dist).href);
  const client = createIotJobsClient({
    region: "us-east-1",
    endpoint: `${base}/prefix`,
    credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" },
  });
  const { data, error } = await client.listJobExecutionsForJob({ jobId: "job-1", maxResults: 5 });
  expect(error).toBeUndefined();
  expect(data.executionSummaries[0].jobExecutionSummary.queuedAt).toEqual(new Date(1500));
  expect(data.$metadata).toMatchObject({ httpStatusCode: 200, requestId: "loopback-1", attempts: 1 });
  expect(seen.at(-1)?.url).toBe("/prefix/jobs/job-1/things?maxResults=5");
  expect(seen.at(-1)?.authorization).toMatch(
    /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/us-east-1\/iot\/aws4_request/,
  );
});
