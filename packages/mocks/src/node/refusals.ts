import { STATUS_CODES } from "node:http";
import type { Duplex } from "node:stream";
import { awsJson } from "../core/request/http/aws-response.js";
import type { PlainResponse } from "../core/request/http/plain.js";
import { newRequestId } from "../core/request/http/request-id.js";
import { errorTypeHeader, requestIdHeader } from "../core/spec.js";

/**
 * An AWS-shaped refusal of the standalone server (a bad host, origin, target, body or token): `x-amzn-ErrorType`,
 * `x-amzn-RequestId` and `{"message"}`, like every error the operation answers, so SDKs parse it the same way.
 *
 * @example
 * writeAnswer(res, refusal(403, "ForbiddenException", "Host attacker.example is not allowed."));
 */
export function refusal(status: number, errorType: string, message: string): PlainResponse {
  return awsJson(status, { message }, newRequestId(), { [errorTypeHeader]: errorType });
}

/**
 * Answers on a raw socket that Node's HTTP parser gave up on (malformed request line or headers, headers too
 * large, a timeout, CONNECT or an upgrade), in the same AWS shape, then closes it: Node's default is a bare
 * `400 Bad Request` with no body that SDKs cannot parse.
 *
 * @example
 * server.on("clientError", (error, socket) => refuseOnSocket(socket, 400, "InvalidRequestException", "..."));
 */
export function refuseOnSocket(socket: Duplex, status: number, errorType: string, message: string): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const answer = refusal(status, errorType, message);
  const head = [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? "Error"}`,
    "Content-Type: application/json",
    `${requestIdHeader}: ${answer.headers[requestIdHeader]}`,
    `${errorTypeHeader}: ${errorType}`,
    `Date: ${answer.headers.date}`,
    `Content-Length: ${Buffer.byteLength(answer.body)}`,
    "Connection: close",
  ];
  socket.end(`${head.join("\r\n")}\r\n\r\n${answer.body}`);
  socket.once("finish", () => socket.destroy()); // never read what the peer keeps sending
}

/**
 * What a parser error means for the client: status, error type and message.
 *
 * @example
 * const [status, type, message] = clientErrorAnswer(error); // 431 for HPE_HEADER_OVERFLOW
 */
export function clientErrorAnswer(error: Error & { code?: string }): [number, string, string] {
  switch (error.code) {
    case "HPE_HEADER_OVERFLOW":
      return [431, "RequestHeaderFieldsTooLargeException", "Request header fields are too large."];
    case "ERR_HTTP_REQUEST_TIMEOUT":
      return [408, "RequestTimeoutException", "The request was not received in time."];
    default:
      return [400, "InvalidRequestException", `Malformed HTTP request (${error.code ?? error.message}).`];
  }
}
