import { IoTClient, ListJobExecutionsForJobCommand } from "@aws-sdk/client-iot";
import { afterEach, expect, test } from "vitest";
import { type MockServer, type MockServerOptions, startMockServer, TEST_CREDENTIALS } from "../../src/node/index.js";
import { isAwsShaped, RawConnection, type RawResponse, rawRequest } from "./raw-http.js";

// The standalone server as an attacker probes it (issue 13): hosts, origins, the control token, numeric control
// input, bodies, request targets. Each case sends raw bytes, so nothing is normalised on the way.
const servers: MockServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});
async function serve(options: MockServerOptions = {}): Promise<MockServer> {
  const server = await startMockServer({ seed: { jobs: [{ jobId: "fw-1", fleet: { count: 3 } }] }, ...options });
  servers.push(server);
  return server;
}
const request = (method: string, target: string, headers: Record<string, string | number>, body = "") =>
  `${method} ${target} HTTP/1.1\r\n${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join("")}\r\n${body}`;
const local = (s: MockServer) => ({ Host: `127.0.0.1:${s.port}` });
function refused(response: RawResponse | undefined, status: number, type: string, message: RegExp) {
  expect(response).toBeDefined();
  expect([response!.status, response!.headers["x-amzn-errortype"]]).toEqual([status, type]);
  expect(isAwsShaped(response!)).toBe(true);
  expect(JSON.parse(response!.body).message).toMatch(message);
}

test("Host: loopback names and IP addresses pass; other names get 403 unless allowed; malformed ones 400", async () => {
  const s = await serve({ allowedHosts: ["mock.ci.internal", ".dev.example"] });
  for (const host of [
    "localhost",
    "LOCALHOST:1",
    "app.localhost",
    "127.0.0.1",
    "[::1]:4010",
    "10.1.2.3",
    "mock.ci.internal",
    "dev.example",
    "a.dev.example",
  ]) {
    const r = await rawRequest(s.port, request("GET", "/jobs/fw-1/things", { Host: host }));
    expect([host, r?.status]).toEqual([host, 200]);
  }
  const attacker = await rawRequest(s.port, request("POST", "/_mock/reset", { Host: "attacker.example" }));
  refused(attacker, 403, "ForbiddenException", /Host attacker\.example is not allowed \(DNS rebinding protection\)/);
  refused(
    await rawRequest(s.port, request("GET", "/jobs/fw-1/things", { Host: "evil-dev.example" })),
    403,
    "ForbiddenException",
    /not allowed/,
  );
  for (const host of ["a b", "x:99999", "127.0.0.1/jobs/fw-1/things?x=", "user@127.0.0.1", "[zz::1]"]) {
    const r = await rawRequest(s.port, request("GET", "/totally/else", { Host: host }));
    refused(r, 400, "InvalidRequestException", /Host header .* is not a host\[:port\]/);
  }
  refused(
    await rawRequest(s.port, "GET /jobs/fw-1/things HTTP/1.1\r\n\r\n"),
    400,
    "InvalidRequestException",
    /needs a Host/,
  );
  expect(s.mock.store.job("fw-1")).toBeDefined(); // the refused reset changed nothing
});

test("the issue's attack: a page on another origin cannot drive the control API (text/plain, no preflight)", async () => {
  const s = await serve();
  const body = '{"fault":{"type":"unavailable"},"rate":1}';
  const headers = {
    ...local(s),
    Origin: "http://evil.example",
    "Content-Type": "text/plain",
    "Content-Length": body.length,
  };
  refused(
    await rawRequest(s.port, request("POST", "/_mock/faults", headers, body)),
    403,
    "ForbiddenException",
    /Requests from http:\/\/evil\.example are refused: start iot-jobs-mock with --cors/,
  );
  expect(s.mock.faults.list()).toEqual([]);
  // Reading other accounts' jobs and history is refused too, and so is a page without Origin but cross-site.
  refused(
    await rawRequest(s.port, request("GET", "/_mock/history", { ...local(s), Origin: "null" })),
    403,
    "ForbiddenException",
    /null/,
  );
  refused(
    await rawRequest(s.port, request("GET", "/_mock/jobs", { ...local(s), "Sec-Fetch-Site": "cross-site" })),
    403,
    "ForbiddenException",
    /cross-site page/,
  );
  // Same origin (the page came from this server) and non-browser clients (no Origin) are served.
  expect(
    (await rawRequest(s.port, request("GET", "/_mock/jobs", { ...local(s), Origin: `http://127.0.0.1:${s.port}` })))
      ?.status,
  ).toBe(200);
  expect((await rawRequest(s.port, request("GET", "/_mock/jobs", local(s))))?.status).toBe(200);
});

test("cors names origins: a listed one may call (with preflight), others still get 403", async () => {
  const s = await serve({ cors: ["http://localhost:5173"] });
  const preflight = await rawRequest(
    s.port,
    request("OPTIONS", "/_mock/faults", {
      ...local(s),
      Origin: "http://localhost:5173",
      "Access-Control-Request-Method": "POST",
    }),
  );
  expect([preflight?.status, preflight?.headers["access-control-allow-origin"]]).toEqual([
    204,
    "http://localhost:5173",
  ]);
  const body = '{"fault":{"type":"throttling"},"times":1}';
  const ok = await rawRequest(
    s.port,
    request(
      "POST",
      "/_mock/faults",
      { ...local(s), Origin: "http://localhost:5173", "Content-Length": body.length },
      body,
    ),
  );
  expect([ok?.status, ok?.headers["access-control-allow-origin"]]).toEqual([201, "http://localhost:5173"]);
  const other = await rawRequest(
    s.port,
    request("GET", "/jobs/fw-1/things", { ...local(s), Origin: "http://localhost:3000" }),
  );
  refused(other, 403, "ForbiddenException", /http:\/\/localhost:3000/);
  await expect(startMockServer({ cors: ["*"] })).rejects.toThrow(/cors\[0\]: value "\*" must be an origin such as/);
  await expect(startMockServer({ cors: "http://localhost:5173/path" })).rejects.toThrow(/cors\[0\]/);
});

test("a control token, when set, is required by every control call but not by the operation", async () => {
  const s = await serve({ controlToken: "s3cret" });
  const missing = await rawRequest(s.port, request("GET", "/_mock/health", local(s)));
  refused(missing, 401, "UnauthorizedException", /needs the control token: send Authorization: Bearer <token>/);
  expect(missing?.headers["www-authenticate"]).toBe('Bearer realm="iot-jobs-mock"');
  refused(
    await rawRequest(s.port, request("POST", "/_mock/reset", { ...local(s), Authorization: "Bearer s3cre" })),
    401,
    "UnauthorizedException",
    /token/,
  );
  expect(
    (await rawRequest(s.port, request("GET", "/_mock/health", { ...local(s), Authorization: "Bearer s3cret" })))
      ?.status,
  ).toBe(200);
  expect((await rawRequest(s.port, request("GET", "/jobs/fw-1/things", local(s))))?.status).toBe(200);
  await expect(startMockServer({ controlToken: "" })).rejects.toThrow(
    /controlToken: value "" must be a non-empty string/,
  );
});

test("numeric control input is range-checked (400 naming the field) and a full reset repairs the clock", async () => {
  const s = await serve({ clock: { now: "2026-11-29T08:00:00Z" } });
  const post = async (path: string, body: string) =>
    rawRequest(s.port, request("POST", path, { ...local(s), "Content-Length": Buffer.byteLength(body) }, body));
  refused(
    await post("/_mock/clock/advance", '{"ms":1e308}'),
    400,
    "InvalidRequestException",
    /^\[@iot-jobs\/mocks\] ms: value 1e\+308 must be a number from 0 to/,
  );
  refused(
    await post("/_mock/clock/advance", '{"ms":"soon"}'),
    400,
    "InvalidRequestException",
    /^\[@iot-jobs\/mocks\] ms: /,
  );
  refused(
    await post("/_mock/faults", '{"fault":{"type":"throttling"},"times":1e300}'),
    400,
    "InvalidRequestException",
    /options\.times/,
  );
  refused(
    await post("/_mock/faults", '{"fault":{"type":"latency","ms":1e308}}'),
    400,
    "InvalidRequestException",
    /fault\.ms/,
  );
  refused(
    await post("/_mock/seed", '{"jobs":[{"jobId":"x","executions":[{"thingName":"t","queuedAt":1e308}]}]}'),
    400,
    "InvalidRequestException",
    /jobs\[0\]\.executions\[0\]\.queuedAt/,
  );
  refused(
    await post("/_mock/seed", '{"jobs":[{"jobId":"x","rollout":{"ratePerMinute":1e308}}]}'),
    400,
    "InvalidRequestException",
    /rollout\.ratePerMinute/,
  );
  const health = await rawRequest(s.port, request("GET", "/_mock/health", local(s)));
  expect([health?.status, JSON.parse(health!.body).now]).toEqual([200, "2026-11-29T08:00:00.000Z"]);
  // The latest allowed instant is a valid state; a full reset still brings the clock back to where it started.
  expect(
    (
      await post(
        "/_mock/clock/advance",
        `{"ms":${Date.parse("9999-12-31T23:59:59.999Z") - Date.parse("2026-11-29T08:00:00Z")}}`,
      )
    )?.status,
  ).toBe(200);
  expect(JSON.parse((await post("/_mock/reset", "{}"))!.body)).toEqual({ reset: "all" });
  const after = await rawRequest(s.port, request("GET", "/_mock/clock", local(s)));
  expect(JSON.parse(after!.body).now).toBe("2026-11-29T08:00:00.000Z");
});

test("a body on the operation is refused from its headers, unread; control bodies are capped (413)", async () => {
  const s = await serve({ maxBodyBytes: 1024 });
  // 60 MiB announced, none sent: the answer comes at once, and the connection closes.
  const c = await RawConnection.open(s.port);
  const r = await c.exchange(request("GET", "/jobs/fw-1/things", { ...local(s), "Content-Length": 60 * 1024 * 1024 }));
  refused(r, 400, "InvalidRequestException", /takes no request body .* was not read/);
  expect(r?.headers.connection).toBe("close");
  c.close();
  refused(
    await rawRequest(
      s.port,
      request("GET", "/jobs/fw-1/things", { ...local(s), "Transfer-Encoding": "chunked" }, "5\r\nhello\r\n0\r\n\r\n"),
    ),
    400,
    "InvalidRequestException",
    /no request body/,
  );
  refused(
    await rawRequest(s.port, request("POST", "/_mock/seed", { ...local(s), "Content-Length": 2048 })),
    413,
    "RequestEntityTooLargeException",
    /limited to 1024 bytes/,
  );
  const chunk = "x".repeat(600);
  const chunked = `${(600).toString(16)}\r\n${chunk}\r\n`.repeat(3);
  refused(
    await rawRequest(s.port, request("POST", "/_mock/seed", { ...local(s), "Transfer-Encoding": "chunked" }, chunked)),
    413,
    "RequestEntityTooLargeException",
    /limited to 1024 bytes/,
  );
  expect(
    (await rawRequest(s.port, request("GET", "/jobs/fw-1/things", { ...local(s), "Content-Length": 0 })))?.status,
  ).toBe(200);
});

test("seeding past maxExecutions is a clear 400 naming the field, and nothing is seeded", async () => {
  const s = await serve({ maxExecutions: 10_000 });
  const body = JSON.stringify({ jobs: [{ jobId: "big", fleet: { count: 9_998 } }] });
  const r = await rawRequest(
    s.port,
    request("POST", "/_mock/seed", { ...local(s), "Content-Length": body.length }, body),
  );
  refused(
    r,
    400,
    "InvalidRequestException",
    /jobs\[0\]\.fleet\.count: value 9998 would bring the mock to 10254 executions \(a job counts at least 256\), more than its maxExecutions \(10000\)/,
  );
  expect(s.mock.store.job("big")).toBeUndefined();
});

test("routing reads the request target only: odd targets and hosts get AWS-shaped 4xx, never a 500", async () => {
  const s = await serve();
  for (const [target, status, pattern] of [
    ["http://evil.example/jobs/fw-1/things", 400, /is not a path/],
    ["*", 400, /is not a path/],
    ["//evil.example/jobs/fw-1/things", 404, /No operation matches GET \/\/evil\.example\/jobs\/fw-1\/things/],
    ["/_mock/../jobs/fw-1/things", 200, undefined],
  ] as const) {
    const r = await rawRequest(s.port, request("GET", target, local(s)));
    expect([target, r?.status]).toEqual([target, status]);
    if (pattern) expect(JSON.parse(r!.body).message).toMatch(pattern);
    if (status >= 400) expect(isAwsShaped(r!)).toBe(true);
  }
  // A Host carrying a path no longer changes which route answers.
  const r = await rawRequest(s.port, request("GET", "/totally/else", { Host: "127.0.0.1/jobs/fw-1/things?x=" }));
  expect(r?.status).toBe(400);
  // What Node's parser refuses is answered in AWS's shape too, then the connection closes.
  refused(
    await rawRequest(s.port, "FOO / HTTP/1.1\r\nHost: localhost\r\n\r\n"),
    400,
    "InvalidRequestException",
    /Malformed HTTP request \(HPE_INVALID_METHOD\)/,
  );
  refused(
    await rawRequest(s.port, `GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`),
    431,
    "RequestHeaderFieldsTooLargeException",
    /too large/,
  );
  refused(
    await rawRequest(s.port, "CONNECT localhost:22 HTTP/1.1\r\nHost: localhost\r\n\r\n"),
    405,
    "MethodNotAllowedException",
    /not a proxy/,
  );
  refused(
    await rawRequest(s.port, request("TRACE", "/_mock/health", local(s))),
    405,
    "MethodNotAllowedException",
    /TRACE/,
  );
});

test("--region on the server: strict auth refuses another region's credential scope, as a regional endpoint does", async () => {
  const s = await serve({ strictAuth: true, region: "eu-west-1" });
  const client = (region: string) =>
    new IoTClient({ region, endpoint: `http://127.0.0.1:${s.port}`, credentials: TEST_CREDENTIALS, maxAttempts: 1 });
  const ok = await client("eu-west-1").send(new ListJobExecutionsForJobCommand({ jobId: "fw-1" }));
  expect(ok.executionSummaries?.[0]?.thingArn).toMatch(/^arn:aws:iot:eu-west-1:123456789012:thing\//);
  await expect(client("us-east-1").send(new ListJobExecutionsForJobCommand({ jobId: "fw-1" }))).rejects.toMatchObject({
    name: "InvalidSignatureException",
    message: "Credential should be scoped to a valid region, not 'us-east-1'. ",
    $metadata: { httpStatusCode: 403 },
  });
});

test("start-up errors are one clear IotJobsMockError: a port in use, an address that is not this machine's", async () => {
  const s = await serve();
  await expect(startMockServer({ port: s.port })).rejects.toThrow(
    `[@iot-jobs/mocks] cannot listen on 127.0.0.1:${s.port}: the port is already in use (pick another with --port, or 0 for a free one)`,
  );
  // 192.0.2.0/24 is TEST-NET-1 (RFC 5737): never an address of this machine.
  await expect(startMockServer({ host: "192.0.2.1" })).rejects.toThrow(
    "[@iot-jobs/mocks] cannot listen on 192.0.2.1:0: the address is not one of this machine's (see --host)",
  );
});

test("a malformed request pipelined behind slow good ones is refused after they are answered, in order", async () => {
  const s = await serve();
  s.mock.faults.inject({ type: "latency", ms: 50 }); // the first answers are still being computed when FOO is parsed
  const c = await RawConnection.open(s.port);
  const good = request("GET", "/jobs/fw-1/things", local(s));
  const first = c.exchange(
    `${good}${request("GET", "/_mock/health", local(s))}FOO / HTTP/1.1\r\nHost: localhost\r\n\r\n`,
  );
  const answers = [await first, await c.exchange(""), await c.exchange("")];
  c.close();
  expect(answers.map((a) => a?.status)).toEqual([200, 200, 400]);
  expect(JSON.parse(answers[0]!.body).executionSummaries).toHaveLength(3);
  expect(JSON.parse(answers[1]!.body).status).toBe("ok");
  refused(answers[2], 400, "InvalidRequestException", /HPE_INVALID_METHOD/);
});
