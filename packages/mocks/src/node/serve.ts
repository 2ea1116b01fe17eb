import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { isIP } from "node:net";
import { anyHostAnswerOf, createIotJobsMock, type IotJobsMock } from "../core/create-iot-jobs-mock.js";
import { FixtureError } from "../core/errors.js";
import { awsJson } from "../core/request/http/aws-response.js";
import type { PlainResponse } from "../core/request/http/plain.js";
import { newRequestId } from "../core/request/http/request-id.js";
import { errorTypeHeader, requestIdHeader } from "../core/spec.js";
import { CONTROL_PREFIX, handleControlRequest } from "./control-api.js";
import { corsHeaders, corsOriginProblem, corsPreflight, isPreflight, originPolicy } from "./cors.js";
import { isHostAllowed, parseHostHeader } from "./host-check.js";
import {
  announcesBody,
  plainFromNode,
  readBody,
  toFetchRequest,
  writeAnswer,
  writeFetchResponse,
} from "./node-http.js";
import { refusal } from "./refusals.js";
import type { MockServerOptions } from "./start-mock-server.js";

// The request pipeline of the standalone server (see startMockServer): checks, then the control API or the
// operation. Split from start-mock-server.ts, which owns the listener and its raw-socket events.

/** What `serve` needs, built once per server by {@link serveContext}. */
export interface ServeContext {
  readonly mock: IotJobsMock;
  readonly limit: number;
  readonly log: ((line: string) => void) | undefined;
  readonly corsEnabled: boolean;
  readonly allowsOrigin: (origin: string, ownHost: string | undefined) => boolean;
  readonly allowedHosts: readonly string[];
  readonly token: Buffer | undefined;
}

/** Checks the server's own options (each problem names its field) and builds what `serve` needs. */
export function serveContext(options: MockServerOptions): ServeContext {
  const limit = options.maxBodyBytes ?? 8 * 1024 * 1024;
  if (!Number.isSafeInteger(limit) || limit < 0)
    throw new FixtureError("maxBodyBytes", limit, "must be an integer ≥ 0");
  const origins = typeof options.cors === "string" ? [options.cors] : Array.isArray(options.cors) ? options.cors : [];
  origins.forEach((origin, i) => {
    const problem = corsOriginProblem(origin);
    if (problem) throw new FixtureError(`cors[${i}]`, origin, problem);
  });
  const allowedHosts = [...(options.allowedHosts ?? [])];
  allowedHosts.forEach((h, i) => {
    if (typeof h !== "string" || !parseHostHeader(h.replace(/^\./, "")) || h.includes(":"))
      throw new FixtureError(`allowedHosts[${i}]`, h, "must be a host name such as mock.internal or .example.com");
  });
  if (options.host !== undefined && isIP(options.host) === 0) allowedHosts.push(options.host); // its own name
  const token = options.controlToken;
  if (token !== undefined && (typeof token !== "string" || token.length === 0))
    throw new FixtureError("controlToken", token, "must be a non-empty string");
  const log = options.log === true ? (line: string) => process.stdout.write(`${line}\n`) : options.log || undefined;
  return {
    mock: options.mock ?? createIotJobsMock(options),
    limit,
    log,
    corsEnabled: options.cors !== undefined && options.cors !== false,
    allowsOrigin: originPolicy(options.cors),
    allowedHosts,
    token: token === undefined ? undefined : Buffer.from(`Bearer ${token}`),
  };
}

/** Whether the `Authorization` header carries the control token (compared in constant time). */
function hasToken(req: IncomingMessage, token: Buffer): boolean {
  const sent = Buffer.from(req.headers.authorization ?? "");
  return sent.length === token.length && timingSafeEqual(sent, token);
}

const controlMethods = new Set(["GET", "POST", "DELETE"]);
const close = { Connection: "close" }; // after a refusal that leaves a body unread
/** Sockets answered with `Connection: close`: whatever the parser says about them next is not answered. */
export const closing = new WeakSet<object>();
const inFlight = new WeakMap<object, Set<ServerResponse>>(); // responses not yet written, per socket

/** Remembers a response as in flight on its socket until it is written (or the socket goes). */
export function track(socket: object, res: ServerResponse): void {
  const pending = inFlight.get(socket) ?? new Set<ServerResponse>();
  inFlight.set(socket, pending.add(res));
  const done = () => pending.delete(res);
  res.once("finish", done).once("close", done);
}

/** Runs `then` once every response in flight on the socket is written. */
export function afterInFlight(socket: object, then: () => void): void {
  const pending = [...(inFlight.get(socket) ?? [])].filter((res) => !res.writableFinished);
  if (pending.length === 0) {
    then();
    return;
  }
  let left = pending.length;
  for (const res of pending) res.once("close", () => --left === 0 && then());
}

/**
 * Answers one request, checking in this order: the `Host` (a plain name, loopback, an IP or allowed), the
 * target (a path: routing reads nothing else), the `Origin` (same origin or allowed), then the control API
 * (token, body cap) or the operation (no body). Every refusal is an AWS-shaped 4xx.
 */
export async function serve(ctx: ServeContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const started = performance.now();
  const line = (status: string, requestId = "-") =>
    `${req.method} ${req.url} ${status} ${(performance.now() - started).toFixed(1)}ms ${requestId}`;
  const send = (answer: PlainResponse, extra: Record<string, string> = {}) => {
    writeAnswer(res, answer, extra);
    const note = answer.note === undefined ? "" : ` (${answer.note})`; // e.g. where a job that 404s does exist
    ctx.log?.(`${line(String(answer.status), answer.headers[requestIdHeader])}${note}`);
  };
  const refuse = (status: number, type: string, message: string, extra: Record<string, string> = {}) => {
    if (!announcesBody(req)) return send(refusal(status, type, message), extra);
    closing.add(req.socket);
    send(refusal(status, type, message), { ...extra, ...close });
  };

  // Upgrades are not supported; Node answers such a request as a plain one, but then drops whatever follows on
  // the connection without a word: close it after this answer so clients reconnect.
  if (req.headers.upgrade !== undefined) {
    res.setHeader("Connection", "close");
    closing.add(req.socket);
  }
  const rawHost = req.headers.host;
  const host = rawHost === undefined ? undefined : parseHostHeader(rawHost);
  if (rawHost !== undefined && !host)
    return refuse(400, "InvalidRequestException", `Host header ${JSON.stringify(rawHost)} is not a host[:port].`);
  if (rawHost === undefined && req.httpVersion !== "1.0")
    return refuse(400, "InvalidRequestException", "An HTTP/1.1 request needs a Host header.");
  if (host && !isHostAllowed(host.hostname, ctx.allowedHosts)) {
    const message = `Host ${host.hostname} is not allowed (DNS rebinding protection): start iot-jobs-mock with --allowed-host ${host.hostname} if you dial it by that name.`;
    return refuse(403, "ForbiddenException", message);
  }
  const target = req.url ?? "";
  if (!target.startsWith("/")) {
    const message = `Request target ${JSON.stringify(target.slice(0, 200))} is not a path: send GET /jobs/{jobId}/things to this host.`;
    return refuse(400, "InvalidRequestException", message);
  }
  // The URL is the target on the checked host, concatenated (never resolved: `//evil.example/x` stays a path).
  const local = req.socket.localAddress ?? "127.0.0.1";
  const authority = host?.host ?? `${isIP(local) === 6 ? `[${local}]` : local}:${req.socket.localPort}`;
  let url: URL;
  try {
    url = new URL(`http://${authority}${target}`);
  } catch {
    return refuse(
      400,
      "InvalidRequestException",
      `Request target ${JSON.stringify(target.slice(0, 200))} is not a valid path.`,
    );
  }

  const origin = req.headers.origin;
  const site = req.headers["sec-fetch-site"];
  const crossSite =
    origin !== undefined ? !ctx.allowsOrigin(origin, host?.host) : site === "cross-site" || site === "same-site";
  if (crossSite) {
    const message = `Requests from ${origin ?? `a ${site} page`} are refused: start iot-jobs-mock with --cors <origin> to allow a web page.`;
    return refuse(403, "ForbiddenException", message);
  }
  const extra = ctx.corsEnabled ? corsHeaders(req) : {};
  if (ctx.corsEnabled && isPreflight(req) && !announcesBody(req)) {
    req.resume();
    res.writeHead(204, corsPreflight(req)).end();
    return ctx.log?.(line("204"));
  }

  if (url.pathname === CONTROL_PREFIX || url.pathname.startsWith(`${CONTROL_PREFIX}/`)) {
    if (ctx.token && !hasToken(req, ctx.token)) {
      const message = "The control API needs the control token: send Authorization: Bearer <token>.";
      return refuse(401, "UnauthorizedException", message, {
        ...extra,
        "WWW-Authenticate": 'Bearer realm="iot-jobs-mock"',
      });
    }
    if (!controlMethods.has(req.method ?? ""))
      return refuse(405, "MethodNotAllowedException", `${req.method} is not allowed on the control API.`, extra);
    if (req.headers.expect?.toLowerCase() === "100-continue" && !(Number(req.headers["content-length"]) > ctx.limit))
      res.writeContinue();
    const body = await readBody(req, ctx.limit);
    if (body === undefined)
      return refuse(
        413,
        "RequestEntityTooLargeException",
        `Control API bodies are limited to ${ctx.limit} bytes.`,
        extra,
      );
    const response = (await handleControlRequest(ctx.mock, toFetchRequest(req, url, body)))!;
    await writeFetchResponse(res, response, extra);
    return ctx.log?.(line(String(response.status)));
  }

  // The operation has no body: refuse one from its headers, unread, and close (the bytes never reach memory).
  if (announcesBody(req)) {
    const message = "ListJobExecutionsForJob takes no request body (GET /jobs/{jobId}/things); this one was not read.";
    return refuse(400, "InvalidRequestException", message, extra);
  }
  const answer =
    (await anyHostAnswerOf(ctx.mock)(plainFromNode(req, url))) ??
    awsJson(404, { message: `No operation matches ${req.method} ${url.pathname}` }, newRequestId(), {
      [errorTypeHeader]: "UnknownOperationException",
    });
  if ("drop" in answer) {
    req.socket.destroy(); // the dropped-connection fault: no status line at all
    return ctx.log?.(line("dropped"));
  }
  send(answer, extra);
}
