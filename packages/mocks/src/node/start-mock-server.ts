import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  anyHostAnswerOf,
  createIotJobsMock,
  type IotJobsMock,
  type IotJobsMockOptions,
} from "../core/create-iot-jobs-mock.js";
import { awsJson } from "../core/http/aws-response.js";
import { newRequestId } from "../core/http/request-id.js";
import { errorTypeHeader, requestIdHeader } from "../core/spec.js";
import { CONTROL_PREFIX, handleControlRequest } from "./control-api.js";
import { corsHeaders, corsPreflight } from "./cors.js";
import { plainFromNode, readBody, toFetchRequest, writeAnswer, writeFetchResponse } from "./node-http.js";

/**
 * Options of {@link startMockServer}: the mock's options, or an existing `mock`, plus where to listen.
 *
 * @example
 * const options: MockServerOptions = { port: 0, log: (line) => lines.push(line) };
 */
export interface MockServerOptions extends IotJobsMockOptions {
  /** Serve this mock instead of creating one. */
  readonly mock?: IotJobsMock;
  /** TCP port; 0 picks a free one. @default 0 */
  readonly port?: number;
  /** Interface to listen on. @default "127.0.0.1" */
  readonly host?: string;
  /** One line per request (method, path, status, ms, request id): `true` prints to stdout. @default false */
  readonly log?: boolean | ((line: string) => void);
  /** Largest request body (control API seeds). @default 64 MiB */
  readonly maxBodyBytes?: number;
  /** Answer CORS preflights and add CORS headers, for web pages on other origins. @default false (as AWS) */
  readonly cors?: boolean;
}

/**
 * A running standalone server.
 *
 * @example
 * const server: MockServer = await startMockServer();
 * afterAll(() => server.close());
 */
export interface MockServer {
  /** `http://127.0.0.1:<port>`: the `endpoint_url` / `--endpoint-url` for clients. */
  readonly url: string;
  readonly port: number;
  readonly mock: IotJobsMock;
  readonly server: Server;
  /** Closes the listener and every open connection. */
  close(): Promise<void>;
}

/**
 * Starts the standalone HTTP server: the operation is answered by the same function as MSW's handler in-process,
 * called on a plain request (no fetch objects); the control API under `/_mock` gets a fetch `Request`. A
 * dropped-connection fault destroys the socket. Any other path gets 404 `UnknownOperationException`.
 *
 * @example
 * const { url, mock, close } = await startMockServer({ seed: { scenarios: [{ name: "largeFleet" }] } });
 * // boto3.client("iot", endpoint_url=url, ...)
 * await close();
 */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const mock = options.mock ?? createIotJobsMock(options);
  const log = options.log === true ? (line: string) => process.stdout.write(`${line}\n`) : options.log || undefined;
  const limit = options.maxBodyBytes ?? 64 * 1024 * 1024;
  const server = createServer((req, res) => {
    serve(mock, req, res, { limit, log, cors: options.cors ?? false }).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ message: `@iot-jobs/mocks internal error: ${(error as Error).message}` }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    mock,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

interface ServeOptions {
  readonly limit: number;
  readonly log: ((line: string) => void) | undefined;
  readonly cors: boolean;
}

async function serve(mock: IotJobsMock, req: IncomingMessage, res: ServerResponse, { limit, log, cors }: ServeOptions) {
  const started = performance.now();
  const preflight = cors ? corsPreflight(req) : undefined;
  if (preflight) {
    req.resume();
    res.writeHead(204, preflight).end();
    log?.(`${req.method} ${req.url} 204 ${(performance.now() - started).toFixed(1)}ms -`);
    return;
  }
  const body = await readBody(req, limit);
  const extra = cors ? corsHeaders(req) : {};
  const line = (status: string, requestId = "-") =>
    `${req.method} ${req.url} ${status} ${(performance.now() - started).toFixed(1)}ms ${requestId}`;
  // The control API speaks fetch; the operation is answered without fetch objects, by the very function MSW's
  // handler calls (see handler.ts), which keeps the server's cost per page close to node:http's own.
  if (
    req.url === CONTROL_PREFIX ||
    req.url?.startsWith(`${CONTROL_PREFIX}/`) ||
    req.url?.startsWith(`${CONTROL_PREFIX}?`)
  ) {
    const response = (await handleControlRequest(mock, toFetchRequest(req, body)))!;
    await writeFetchResponse(res, response, extra);
    log?.(line(String(response.status)));
    return;
  }
  const plain = plainFromNode(req, body);
  const answer =
    (await anyHostAnswerOf(mock)(plain)) ??
    awsJson(404, { message: `No operation matches ${req.method} ${plain.url.pathname}` }, newRequestId(), {
      [errorTypeHeader]: "UnknownOperationException",
    });
  if ("drop" in answer) {
    req.socket.destroy(); // the dropped-connection fault: no status line at all
    log?.(line("dropped"));
    return;
  }
  writeAnswer(res, answer, extra);
  const note = answer.note === undefined ? "" : ` (${answer.note})`;
  log?.(`${line(String(answer.status), answer.headers[requestIdHeader])}${note}`);
}
