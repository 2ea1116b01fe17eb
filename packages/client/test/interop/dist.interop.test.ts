import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, test } from "vitest";
import * as source from "../../src/index.js";
import * as nodeSource from "../../src/node.js";

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

/** The bare specifiers a built file imports, statically or dynamically (relative chunks left out). */
const importsOf = (file: string) =>
  [...read(file).matchAll(/(?:^import .* from |import\()["']([^"']+)["']/gm)]
    .map((m) => m[1]!)
    .filter((specifier) => !specifier.startsWith("."))
    .sort();

test("dist bundles the private spec package (code and types); only the node entry's own chunks import node: modules", () => {
  const files = readdirSync(dist).filter((f) => /\.(js|d\.ts)$/.test(f));
  // The node entry's transport and signer, each loaded on its first call: the only files with node: imports.
  const transport = files.find((f) => /^http-fetch-.*\.js$/.test(f)) as string;
  const signer = files.find((f) => /^sign-.*\.js$/.test(f)) as string;
  expect(importsOf(transport)).toEqual(["node:http", "node:https", "node:zlib"]);
  expect(importsOf(signer)).toEqual(["@smithy/signature-v4", "node:crypto"]);
  for (const file of files) {
    expect(read(file), file).not.toContain("@iot-jobs/spec");
    if (file !== transport && file !== signer) expect(read(file), file).not.toMatch(/from ["']node:|import\(["']node:/);
    // The spec's response examples stay out of the published code.
    expect(read(file), file).not.toContain("firstPage");
  }
  // The default entry signs with aws4fetch (Web Crypto) and sends with fetch; openapi-fetch is shared.
  expect(importsOf("index.js")).toEqual(["aws4fetch"]);
  expect(importsOf("node.js")).toEqual([]);
  const shared = files.filter((f) => f.endsWith(".js") && ![transport, signer, "index.js", "node.js"].includes(f));
  expect([...new Set(shared.flatMap(importsOf))].sort()).toEqual(["openapi-fetch"]);
});

test("the package resolves to the node entry in Node and to the Web Crypto entry elsewhere", () => {
  const { exports } = JSON.parse(readFileSync(new URL("../package.json", dist), "utf8"));
  expect(exports["."]).toEqual({ types: "./dist/index.d.ts", node: "./dist/node.js", default: "./dist/index.js" });
  expect(Object.keys(exports["."])[0]).toBe("types");
});

test("dist exports what src exports, the same surface from both entries", async () => {
  const built = await import(new URL("index.js", dist).href);
  const builtNode = await import(new URL("node.js", dist).href);
  expect(Object.keys(built).sort()).toEqual(Object.keys(source).sort());
  expect(Object.keys(builtNode).sort()).toEqual(Object.keys(nodeSource).sort());
  expect(Object.keys(nodeSource).sort()).toEqual(Object.keys(source).sort());
});

test.each(["index.js", "node.js"])("dist %s makes a signed call to a real HTTP server on loopback", async (entry) => {
  const { createIotJobsClient } = await import(new URL(entry, dist).href);
  const client = createIotJobsClient({
    region: "us-east-1",
    endpoint: `${base}/prefix`,
    credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret", sessionToken: "session" },
  });
  const { data, error } = await client.listJobExecutionsForJob({ jobId: "job-1", maxResults: 5 });
  expect(error).toBeUndefined();
  expect(data.executionSummaries[0].jobExecutionSummary.queuedAt).toEqual(new Date(1500));
  expect(data.$metadata).toMatchObject({ httpStatusCode: 200, requestId: "loopback-1", attempts: 1 });
  expect(seen.at(-1)?.url).toBe("/prefix/jobs/job-1/things?maxResults=5");
  expect(seen.at(-1)?.authorization).toMatch(
    /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/us-east-1\/iot\/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-security-token, Signature=[0-9a-f]{64}$/,
  );
});
