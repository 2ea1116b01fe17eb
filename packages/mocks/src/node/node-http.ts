import type { IncomingMessage, ServerResponse } from "node:http";
import type { PlainRequest, PlainResponse } from "../core/http/plain.js";
import { errorTypeHeader, requestIdHeader } from "../core/spec.js";

/** The spellings AWS uses on the wire for the headers the mock sends (fetch's Headers lower-cases them). */
const wireNames = new Map<string, string>([
  [requestIdHeader.toLowerCase(), requestIdHeader],
  [errorTypeHeader.toLowerCase(), errorTypeHeader],
  ["content-type", "Content-Type"],
  ["content-length", "Content-Length"],
  ["date", "Date"],
]);

/** Reads a request body, refusing more than `limit` bytes. */
export async function readBody(req: IncomingMessage, limit: number): Promise<Uint8Array> {
  const declared = req.headers["content-length"];
  if ((declared === undefined || declared === "0") && req.headers["transfer-encoding"] === undefined) {
    req.resume(); // no body (every SDK GET): skip the stream machinery
    return new Uint8Array(0);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Uint8Array>) {
    size += chunk.length;
    if (size > limit) throw new RangeError(`request body exceeds ${limit} bytes`);
    chunks.push(chunk);
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    body.set(c, at);
    at += c.length;
  }
  return body;
}

/** The URL the client dialled, from its `Host` header (which SigV4 signs). */
const dialledUrl = (req: IncomingMessage) =>
  `http://${req.headers.host ?? `${req.socket.localAddress}:${req.socket.localPort}`}${req.url ?? "/"}`;

/**
 * The plain view of a Node request, for the operation's answer function: no fetch `Request` is built.
 *
 * @example
 * const answer = await anyHostAnswerOf(mock)(plainFromNode(req, await readBody(req, 1 << 20)));
 */
export function plainFromNode(req: IncomingMessage, body: Uint8Array): PlainRequest {
  return {
    method: req.method ?? "GET",
    url: new URL(dialledUrl(req)),
    header: (name) => {
      const value = req.headers[name];
      return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
    },
    body: async () => body,
  };
}

/**
 * Writes a plain answer with AWS's header spellings and a `Content-Length`.
 *
 * @example
 * writeAnswer(res, awsJson(200, { executionSummaries: [] }, newRequestId()));
 */
export function writeAnswer(res: ServerResponse, answer: PlainResponse, extra: Record<string, string> = {}): void {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(answer.headers))
    headers[wireNames.get(name.toLowerCase()) ?? name] = value;
  Object.assign(headers, extra);
  headers["Content-Length"] = String(Buffer.byteLength(answer.body));
  res.writeHead(answer.status, headers);
  res.end(answer.body);
}

/**
 * Turns a Node request into a fetch `Request` with the URL the client dialled (from its `Host` header, which
 * SigV4 signs) and every header it sent, so the very handlers MSW runs in-process can answer it.
 *
 * @example
 * const request = toFetchRequest(req, await readBody(req, 1 << 20));
 */
export function toFetchRequest(req: IncomingMessage, body: Uint8Array): Request {
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
  const method = req.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD" && body.length > 0;
  return new Request(dialledUrl(req), { method, headers, ...(hasBody ? { body } : {}) });
}

/**
 * Writes a fetch `Response` to a Node response with AWS's header spellings and a `Content-Length`.
 *
 * @example
 * await writeFetchResponse(res, await mock.handle(request));
 */
export async function writeFetchResponse(
  res: ServerResponse,
  response: Response,
  extra: Record<string, string> = {},
): Promise<void> {
  const body = new Uint8Array(await response.arrayBuffer());
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (name !== "content-length") headers[wireNames.get(name) ?? name] = value;
  });
  Object.assign(headers, extra);
  headers["Content-Length"] = String(body.length);
  res.writeHead(response.status, headers);
  res.end(body);
}
