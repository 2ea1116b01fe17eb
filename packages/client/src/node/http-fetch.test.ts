import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterEach, expect, test } from "vitest";
import { BufferedResponse, httpFetch } from "./http-fetch.js";

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A loopback server on a free port, answering with `handle`; records each request and the socket it came on. */
async function serve(handle: (request: IncomingMessage, response: ServerResponse) => void) {
  const seen: { url?: string; headers: IncomingMessage["headers"]; port?: number }[] = [];
  const server = createServer((request, response) => {
    seen.push({ url: request.url, headers: request.headers, port: request.socket.remotePort });
    handle(request, response);
  });
  servers.push(server);
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

const page = JSON.stringify({ executionSummaries: [{ thingArn: "arn:x" }], nextToken: "t" });

test("sends the GET with its headers and the host as signed; the response reads as fetch's does, once", async () => {
  const { base, seen } = await serve((_, response) =>
    response.writeHead(200, "Fine", { "content-type": "application/json", "x-amzn-RequestId": "r-1" }).end(page),
  );
  const url = new URL(`${base}/jobs/j/things?maxResults=5`);
  const response = await httpFetch(url, { method: "GET", headers: { authorization: "AWS4-HMAC-SHA256 x" } });
  expect(response).toBeInstanceOf(Response);
  expect(response).toBeInstanceOf(BufferedResponse);
  expect([response.status, response.statusText, response.ok, response.url]).toEqual([200, "Fine", true, url.href]);
  expect(response.headers.get("x-amzn-requestid")).toBe("r-1");
  expect(response.bodyUsed).toBe(false);
  expect(await response.json()).toEqual(JSON.parse(page));
  expect(response.bodyUsed).toBe(true);
  await expect(response.text()).rejects.toThrow(TypeError);
  expect(seen[0]).toMatchObject({ url: "/jobs/j/things?maxResults=5" });
  expect(seen[0]?.headers).toMatchObject({ host: url.host, authorization: "AWS4-HMAC-SHA256 x" });
  // No accept-encoding, as the AWS SDK sends none: the service answers uncompressed.
  expect(seen[0]?.headers["accept-encoding"]).toBeUndefined();
});

test("reuses its keep-alive socket for the next request", async () => {
  const { base, seen } = await serve((_, response) => response.end(page));
  for (let i = 0; i < 3; i++) await (await httpFetch(new URL(`${base}/x`), {})).text();
  expect(seen).toHaveLength(3);
  expect(new Set(seen.map((s) => s.port)).size).toBe(1);
});

test("text, arrayBuffer, and a body the server compressed anyway", async () => {
  const { base } = await serve((request, response) => {
    if (request.url === "/gzip") response.writeHead(200, { "content-encoding": "gzip" }).end(gzipSync(page));
    else response.writeHead(503).end("<html>busy</html>");
  });
  const gz = await httpFetch(new URL(`${base}/gzip`), {});
  expect(await gz.json()).toEqual(JSON.parse(page));
  const busy = await httpFetch(new URL(`${base}/busy`), {});
  expect([busy.status, busy.ok]).toEqual([503, false]);
  expect(new TextDecoder().decode(await busy.arrayBuffer())).toBe("<html>busy</html>");
});

test("an abort before sending rejects with the signal's reason and sends nothing", async () => {
  const { base, seen } = await serve((_, response) => response.end(page));
  const reason = new Error("stop");
  await expect(httpFetch(new URL(base), { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
  expect(seen).toHaveLength(0);
});

test("an abort while waiting for the response rejects with the reason and closes the request", async () => {
  const { base, seen } = await serve(() => {}); // never answers
  const controller = new AbortController();
  const pending = httpFetch(new URL(base), { signal: controller.signal });
  await expect.poll(() => seen.length).toBe(1);
  controller.abort();
  await expect(pending).rejects.toMatchObject({ name: "AbortError" });
});

test("no server: rejects with Node's own error, its code kept", async () => {
  const { base } = await serve(() => {});
  const closed = servers.pop() as Server;
  await new Promise((resolve) => closed.close(resolve));
  await expect(httpFetch(new URL(base), {})).rejects.toMatchObject({ code: "ECONNREFUSED" });
});

test("a connection reset in the middle of the body rejects, the code kept", async () => {
  const { base } = await serve((_, response) => {
    response.writeHead(200, { "content-length": "100000" });
    response.write("x".repeat(1000), () => response.socket?.destroy());
  });
  await expect(httpFetch(new URL(base), {})).rejects.toMatchObject({ code: "ECONNRESET" });
});

test("msw's setupServer intercepts it (node:https to an AWS host)", async () => {
  const server = setupServer(
    http.get("https://iot.us-east-1.amazonaws.com/jobs/:jobId/things", ({ request, params }) =>
      HttpResponse.json({ jobId: params.jobId, authorization: request.headers.get("authorization") }),
    ),
  );
  server.listen({ onUnhandledRequest: "error" });
  try {
    const response = await httpFetch(new URL("https://iot.us-east-1.amazonaws.com/jobs/j-1/things"), {
      headers: { authorization: "signed" },
    });
    expect(await response.json()).toEqual({ jobId: "j-1", authorization: "signed" });
  } finally {
    server.close();
  }
});
