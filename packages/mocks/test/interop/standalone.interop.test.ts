import { request as httpRequest } from "node:http";
import {
  InvalidRequestException,
  IoTClient,
  ListJobExecutionsForJobCommand,
  paginateListJobExecutionsForJob,
  ResourceNotFoundException,
  ThrottlingException,
} from "@aws-sdk/client-iot";
import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import { createIotJobsMock, type MockServer, startMockServer, TEST_CREDENTIALS } from "../../src/node/index.js";

// The standalone server over loopback: the same handlers as in-process, behind node:http.
let server: MockServer;
let strict: MockServer;
const lines: string[] = [];
beforeAll(async () => {
  server = await startMockServer({
    log: (line) => lines.push(line),
    seed: { scenarios: [{ name: "largeFleet", count: 1_000 }] },
  });
  strict = await startMockServer({ strictAuth: true });
});
afterEach(() => server.mock.faults.clear());
afterAll(async () => {
  await server.close();
  await strict.close();
});

const sdk = (endpoint: string, credentials: { accessKeyId: string; secretAccessKey: string } = TEST_CREDENTIALS) =>
  new IoTClient({ region: "us-east-1", endpoint, credentials: { ...credentials }, maxAttempts: 3 });

test("it listens on 127.0.0.1 on a random port", () => {
  expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  expect(server.port).toBeGreaterThan(0);
});

test("@aws-sdk/client-iot paginates and filters through the server", async () => {
  const all: string[] = [];
  for await (const page of paginateListJobExecutionsForJob(
    { client: sdk(server.url), pageSize: 250 },
    { jobId: "large-fleet" },
  )) {
    all.push(...(page.executionSummaries ?? []).map((e) => e.thingArn!));
  }
  expect(all).toHaveLength(1_000);
  expect(new Set(all).size).toBe(1_000);
  const failed = await sdk(server.url).send(
    new ListJobExecutionsForJobCommand({ jobId: "large-fleet", status: "FAILED", maxResults: 250 }),
  );
  expect(failed.executionSummaries?.every((e) => e.jobExecutionSummary?.status === "FAILED")).toBe(true);
  expect(failed.executionSummaries).toHaveLength(server.mock.store.job("large-fleet")!.counts().FAILED);
});

test("modeled errors come through as their classes; throttling is retried", async () => {
  const send = (input: { jobId: string; maxResults?: number }) =>
    sdk(server.url)
      .send(new ListJobExecutionsForJobCommand(input))
      .catch((e: unknown) => e);
  expect(await send({ jobId: "nope" })).toBeInstanceOf(ResourceNotFoundException);
  expect(await send({ jobId: "large-fleet", maxResults: 251 })).toBeInstanceOf(InvalidRequestException);
  server.mock.faults.inject({ type: "throttling" }, { times: 5 });
  const throttled = (await send({ jobId: "large-fleet" })) as ThrottlingException;
  expect(throttled).toBeInstanceOf(ThrottlingException);
  expect(throttled.$metadata.attempts).toBe(3);
});

test("wire details: AWS's header spellings, Content-Length, one log line per request", async () => {
  const raw = await new Promise<{ status: number; rawHeaders: string[]; body: string }>((resolve, reject) => {
    httpRequest(`${server.url}/jobs/nope/things`, (res) => {
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode!, rawHeaders: res.rawHeaders, body }));
    })
      .on("error", reject)
      .end();
  });
  expect(raw.status).toBe(404);
  const names = raw.rawHeaders.filter((_, i) => i % 2 === 0);
  expect(names).toEqual(
    expect.arrayContaining(["x-amzn-RequestId", "x-amzn-ErrorType", "Content-Type", "Content-Length", "Date"]),
  );
  const requestId = raw.rawHeaders[raw.rawHeaders.indexOf("x-amzn-RequestId") + 1];
  expect(lines.at(-1)).toMatch(new RegExp(`^GET /jobs/nope/things 404 \\d+\\.\\dms ${requestId}$`));
});

test("a dropped-connection fault destroys the socket: the client sees a network error, then recovers", async () => {
  server.mock.faults.inject({ type: "drop" }, { times: 1 });
  await expect(fetch(`${server.url}/jobs/large-fleet/things`)).rejects.toThrow(TypeError);
  expect(lines.at(-1)).toMatch(/^GET \/jobs\/large-fleet\/things dropped /);
  expect((await fetch(`${server.url}/jobs/large-fleet/things`)).status).toBe(200);
});

test("the control API drives the server from another process", async () => {
  const post = (path: string, body: unknown) =>
    fetch(`${server.url}/_mock${path}`, { method: "POST", body: JSON.stringify(body) }).then(
      async (r) => [r.status, await r.json()] as const,
    );
  expect((await fetch(`${server.url}/_mock/health`)).status).toBe(200);
  expect(await post("/seed", { jobs: [{ jobId: "ctl", executions: [{ thingName: "a" }] }] })).toMatchObject([
    201,
    { jobs: [{ jobId: "ctl", size: 1 }] },
  ]);
  expect(await post("/executions/transition", { jobId: "ctl", thingName: "a", status: "IN_PROGRESS" })).toMatchObject([
    200,
    { status: "IN_PROGRESS" },
  ]);
  expect(await post("/faults", { fault: { type: "unavailable" }, times: 1, jobId: "ctl" })).toMatchObject([
    201,
    { active: true },
  ]);
  expect((await fetch(`${server.url}/jobs/ctl/things`)).status).toBe(503);
  expect((await fetch(`${server.url}/jobs/ctl/things`)).status).toBe(200);
  expect(await post("/reset", {})).toEqual([200, { reset: "all" }]);
  expect((await fetch(`${server.url}/jobs/ctl/things`)).status).toBe(404);
  await post("/seed", { scenarios: [{ name: "largeFleet", count: 1_000 }] }); // leave it as the suite found it
});

test("unknown paths get 404 UnknownOperationException", async () => {
  const r = await fetch(`${server.url}/things`);
  expect([r.status, r.headers.get("x-amzn-ErrorType")]).toEqual([404, "UnknownOperationException"]);
});

test("strict auth over loopback verifies the SDK's signature, host and port included", async () => {
  strict.mock.store.createJob({ jobId: "fw-1", executions: [{ thingName: "a" }] });
  const ok = await sdk(strict.url).send(new ListJobExecutionsForJobCommand({ jobId: "fw-1" }));
  expect(ok.executionSummaries).toHaveLength(1);
  const bad = await sdk(strict.url, { ...TEST_CREDENTIALS, secretAccessKey: "nope" })
    .send(new ListJobExecutionsForJobCommand({ jobId: "fw-1" }))
    .catch((e: { name: string }) => e);
  expect(bad).toMatchObject({ name: "InvalidSignatureException" });
  const unsigned = await fetch(`${strict.url}/jobs/fw-1/things`);
  expect([unsigned.status, unsigned.headers.get("x-amzn-ErrorType")]).toEqual([
    403,
    "MissingAuthenticationTokenException",
  ]);
});

test("close() ends open keep-alive connections too", async () => {
  const extra = await startMockServer();
  const agentResponse = await fetch(`${extra.url}/_mock/health`); // undici keeps the connection alive
  expect(agentResponse.status).toBe(200);
  await extra.close();
  await expect(fetch(`${extra.url}/_mock/health`)).rejects.toThrow();
});

test("with cors, preflights are answered and responses expose AWS's headers; without, other origins get 403", async () => {
  const withCors = await startMockServer({ cors: true });
  try {
    withCors.mock.store.createJob({ jobId: "fw-1" });
    const headers = {
      origin: "http://localhost:5173",
      "access-control-request-method": "GET",
      "access-control-request-headers": "authorization,x-amz-date",
    };
    const preflight = await fetch(`${withCors.url}/jobs/fw-1/things`, { method: "OPTIONS", headers });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
    expect(preflight.headers.get("access-control-allow-headers")).toBe("authorization,x-amz-date");
    const page = await fetch(`${withCors.url}/jobs/fw-1/things`, { headers: { origin: "http://localhost:5173" } });
    expect(page.headers.get("access-control-expose-headers")).toBe("x-amzn-RequestId, x-amzn-ErrorType, Date");
    const plain = await fetch(`${server.url}/jobs/large-fleet/things`, { method: "OPTIONS", headers });
    expect([plain.status, plain.headers.get("access-control-allow-origin")]).toEqual([403, null]);
    expect(plain.headers.get("x-amzn-errortype")).toBe("ForbiddenException");
  } finally {
    await withCors.close();
  }
});

test("a mock created elsewhere (without anyHost) is served on the server's own host", async () => {
  const mock = createIotJobsMock();
  mock.store.createJob({ jobId: "shared" });
  const shared = await startMockServer({ mock });
  try {
    expect((await fetch(`${shared.url}/jobs/shared/things`)).status).toBe(200);
  } finally {
    await shared.close();
  }
});
