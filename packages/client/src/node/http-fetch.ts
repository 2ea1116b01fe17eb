import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import zlib from "node:zlib";
import type { Fetch } from "../sign.js";

// The default transport of the `node` entry. Node's `fetch` (undici) costs about twice what `node:http` costs for
// the same 51 kB page on loopback (measured 2026-12-06: 0.62 vs 0.29 ms per call); the AWS SDK sends with
// `node:http` too. Measured against `undici.request` (npm undici 7), which is faster still, node:http won on what
// users rely on: msw's `setupServer` (and nock) intercept `node:http` but not undici's own dispatcher, and it needs
// no dependency. Sockets are reused through keep-alive agents (idle ones never hold the process open).
let agents: { "http:": http.Agent; "https:": https.Agent } | undefined;

/** A response whose body was read into one buffer: read once (`json`, `text`, `arrayBuffer`), as fetch's are. */
export class BufferedResponse extends Response {
  #body: Buffer | undefined;
  #raw: string[];
  #headers: Headers | undefined;
  #url: string;
  constructor(message: IncomingMessage, body: Buffer, url: string) {
    // Status and text only: the headers are built when first read, the body is kept as the buffer it is.
    super(null, { status: message.statusCode, statusText: message.statusMessage });
    this.#body = body;
    this.#raw = message.rawHeaders;
    this.#url = url;
  }
  override get headers(): Headers {
    if (!this.#headers) {
      this.#headers = new Headers();
      for (let i = 0; i < this.#raw.length; i += 2) this.#headers.append(this.#raw[i]!, this.#raw[i + 1]!);
    }
    return this.#headers;
  }
  override get url(): string {
    return this.#url;
  }
  override get bodyUsed(): boolean {
    return this.#body === undefined;
  }
  /** The body, once; a second read fails as fetch's does. */
  #take(): Buffer {
    const body = this.#body;
    if (!body) throw new TypeError("Body is unusable: Body has already been read");
    this.#body = undefined;
    return body;
  }
  override async text(): Promise<string> {
    return this.#take().toString("utf8");
  }
  override async json(): Promise<any> {
    return JSON.parse(this.#take().toString("utf8"));
  }
  override async arrayBuffer(): Promise<ArrayBuffer> {
    const body = this.#take();
    return body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer;
  }
}

/** Undoes a `content-encoding` the server chose anyway (no `accept-encoding` is sent, as by the AWS SDK). */
const decode = (body: Buffer, encoding: string | undefined): Buffer =>
  !encoding || encoding === "identity"
    ? body
    : encoding === "gzip" || encoding === "x-gzip"
      ? zlib.gunzipSync(body)
      : encoding === "deflate"
        ? zlib.inflateSync(body)
        : encoding === "br"
          ? zlib.brotliDecompressSync(body)
          : body;

/**
 * A `fetch` for the client's GETs on `node:http`/`node:https`: keep-alive sockets, the response read as one buffer.
 * It rejects as fetch does when `init.signal` aborts (with the signal's reason), and with Node's own error (its
 * `code`, e.g. `ECONNREFUSED`, kept) when no response arrives. Redirects are not followed (nor by the AWS SDK).
 */
export const httpFetch: Fetch = (url, init) =>
  new Promise((resolve, reject) => {
    const { signal } = init;
    if (signal?.aborted) return reject(signal.reason);
    const secure = url.protocol === "https:";
    agents ??= { "http:": new http.Agent({ keepAlive: true }), "https:": new https.Agent({ keepAlive: true }) };
    // Looked up on the module object per call, so that interceptors that patch it (msw, nock) see the request.
    const request = (secure ? https : http).request(
      {
        agent: agents[secure ? "https:" : "http:"],
        protocol: url.protocol,
        // URL keeps an IPv6 literal's brackets; node:http wants the bare address.
        hostname: url.hostname.replace(/^\[(.*)\]$/, "$1"),
        port: url.port,
        path: url.pathname + url.search,
        method: init.method ?? "GET",
        // The host as signed (URL drops a default port, as node:http does).
        headers: { host: url.host, ...(init.headers as Record<string, string>) },
      },
      (message) => {
        const chunks: Buffer[] = [];
        message.on("data", (chunk: Buffer) => chunks.push(chunk));
        message.on("error", fail);
        message.on("end", () => {
          signal?.removeEventListener("abort", abort);
          try {
            const body = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
            resolve(new BufferedResponse(message, decode(body, message.headers["content-encoding"]), url.href));
          } catch (error) {
            reject(error);
          }
        });
      },
    );
    function fail(error: unknown) {
      signal?.removeEventListener("abort", abort);
      reject(error);
    }
    function abort() {
      reject(signal?.reason);
      request.destroy();
    }
    signal?.addEventListener("abort", abort, { once: true });
    request.on("error", fail);
    request.end();
  });
