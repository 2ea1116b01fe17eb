import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { IotJobsMock, IotJobsMockOptions } from "../core/create-iot-jobs-mock.js";
import { IotJobsMockError } from "../core/errors.js";
import type { CorsOption } from "./cors.js";
import { writeAnswer } from "./node-http.js";
import { clientErrorAnswer, refusal, refuseOnSocket } from "./refusals.js";
import { afterInFlight, closing, serve, serveContext, track } from "./serve.js";

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
  /** Largest control API body (a seed document); a larger one gets 413 without being read. @default 8 MiB */
  readonly maxBodyBytes?: number;
  /**
   * Web pages that may call the server from another origin: a list of origins (`http://localhost:5173`), or
   * `true` for loopback origins only (`localhost`, `*.localhost`, `127.0.0.1`, `[::1]`, any port). Requests from
   * any other origin are refused (403), control API and operation alike. @default false (as AWS: no CORS)
   */
  readonly cors?: CorsOption;
  /**
   * Host names to answer besides `localhost`, `*.localhost`, IP addresses and `host`: an exact name, or
   * `.example.com` for it and every subdomain. Other `Host` headers get 403 (DNS rebinding). @default []
   */
  readonly allowedHosts?: readonly string[];
  /**
   * A secret every control API call must send as `Authorization: Bearer <token>` (else 401). The bin reads it
   * from `--control-token` or `IOT_JOBS_MOCK_CONTROL_TOKEN`. @default none: the control API is open to local callers
   */
  readonly controlToken?: string;
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
 * dropped-connection fault destroys the socket. Any other path gets 404 `UnknownOperationException`. Requests
 * are checked first (see serve.ts and the README's Security section): the `Host`, the target, the `Origin`, the
 * control token and bodies; every refusal, including what Node's parser rejects, is an AWS-shaped 4xx. A listen
 * failure rejects with a one-line {@link IotJobsMockError}.
 *
 * @example
 * const { url, mock, close } = await startMockServer({ seed: { scenarios: [{ name: "largeFleet" }] } });
 * // boto3.client("iot", endpoint_url=url, ...)
 * await close();
 */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const ctx = serveContext(options);
  const listenHost = options.host ?? "127.0.0.1";
  const server = createServer({ requireHostHeader: false }, (req, res) => {
    track(req.socket, res);
    serve(ctx, req, res).catch((error: unknown) => {
      // Never expected: every refusal above is a 4xx. Still AWS-shaped, so clients see a server fault.
      if (res.headersSent) return void res.destroy();
      writeAnswer(res, refusal(500, "InternalFailure", `@iot-jobs/mocks internal error: ${(error as Error).message}`));
    });
  });
  server.on("checkContinue", (req, res) => server.emit("request", req, res)); // serve() decides on 100 Continue
  server.on("checkExpectation", (req, res) => {
    closing.add(req.socket);
    writeAnswer(res, refusal(417, "InvalidRequestException", `Expect: ${req.headers.expect} is not supported.`), {
      Connection: "close",
    });
  });
  server.on("clientError", (error: Error & { code?: string }, socket) => {
    if (error.code === "ECONNRESET") return void socket.destroy();
    // After a refusal that left a body unread, the parser may choke on that body: the answer is on its way
    // (destroying now could drop it), so only end the socket once it is written.
    if (closing.has(socket)) return void socket.end(() => socket.destroy());
    // A malformed request pipelined behind good ones: answer those first, in order, then refuse it.
    afterInFlight(socket, () => refuseOnSocket(socket, ...clientErrorAnswer(error)));
  });
  server.on("connect", (_req, socket) =>
    refuseOnSocket(socket, 405, "MethodNotAllowedException", "CONNECT is not supported: the mock is not a proxy."),
  );
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: Error & { code?: string }) => reject(listenError(error, listenHost, options.port)));
    server.listen(options.port ?? 0, listenHost, () => resolve());
  });
  const { mock } = ctx;
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

/** Why `listen` failed, in one line (the bin prints it as is). */
function listenError(error: Error & { code?: string }, host: string, port: number | undefined): IotJobsMockError {
  const reasons: Record<string, string> = {
    EADDRINUSE: "the port is already in use (pick another with --port, or 0 for a free one)",
    EADDRNOTAVAIL: "the address is not one of this machine's (see --host)",
    EACCES: "permission denied (ports below 1024 need privileges)",
    ENOTFOUND: "the host name does not resolve (see --host)",
    EAI_AGAIN: "the host name does not resolve (see --host)",
  };
  const reason = reasons[error.code ?? ""] ?? error.message;
  return new IotJobsMockError(`cannot listen on ${host}:${port ?? 0}: ${reason}`, { cause: error });
}
