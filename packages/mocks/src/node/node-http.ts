import type { IncomingMessage, ServerResponse } from "node:http";
import type { PlainRequest, PlainResponse } from "../core/request/http/plain.js";
import { errorTypeHeader, requestIdHeader } from "../core/spec.js";

/** The spellings AWS uses on the wire for the headers the mock sends (fetch's Headers lower-cases them). */
const wireNames = new Map<string, string>([
  [requestIdHeader.toLowerCase(), requestIdHeader],
  [errorTypeHeader.toLowerCase(), errorTypeHeader],
  ["content-type", "Content-Type"],
  ["content-length", "Content-Length"],
  ["date", "Date"],
]);

/**
 * Whether a request announces a body (a non-zero `Content-Length`, or any `Transfer-Encoding`), known from its
 * headers alone so that a refusal never reads it.
 *
 * @example
 * if (announcesBody(req)) writeAnswer(res, refusal(400, "InvalidRequestException", "no body"), { Connection: "close" });
 */
export const announcesBody = (req: IncomingMessage): boolean =>
  (req.headers["content-length"] !== undefined && Number(req.headers["content-length"]) !== 0) ||
  req.headers["transfer-encoding"] !== undefined;

/**
 * Reads a request body of at most `limit` bytes; `undefined` as soon as it is larger (the rest is never buffered:
 * the caller answers 413 and closes the connection).
 *
 * @example
 * const body = await readBody(req, 1 << 20);
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Uint8Array | undefined> {
  if (!announcesBody(req)) {
    req.resume(); // no body (every SDK GET): skip the stream machinery
    return Promise.resolve(new Uint8Array(0));
  }
  if (Number(req.headers["content-length"]) > limit) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    const onData = (chunk: Uint8Array) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off("data", onData).off("end", onEnd).off("error", reject);
      req.pause();
      resolve(undefined);
    };
    const onEnd = () => resolve(Buffer.concat(chunks, size));
    req.on("data", onData).once("end", onEnd).once("error", reject);
  });
}

/**
 * The plain view of a Node request, for the operation's answer function: no fetch `Request` is built. `url` is
 * the request target on the checked `Host` (see start-mock-server.ts): routing never reads anything else.
 *
 * @example
 * const answer = await anyHostAnswerOf(mock)(plainFromNode(req, url));
 */
export function plainFromNode(req: IncomingMessage, url: URL): PlainRequest {
  return {
    method: req.method ?? "GET",
    url,
    header: (name) => {
      const value = req.headers[name];
      return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
    },
    body: async () => new Uint8Array(0), // the operation has none: requests announcing one are refused unread
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
 * Turns a Node request into a fetch `Request` for `url` (the target on the checked host) with every header it
 * sent, so the very handlers MSW runs in-process can answer it.
 *
 * @example
 * const request = toFetchRequest(req, url, body);
 */
export function toFetchRequest(req: IncomingMessage, url: URL, body: Uint8Array): Request {
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
  const method = req.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD" && body.length > 0;
  return new Request(url, { method, headers, ...(hasBody ? { body } : {}) });
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
