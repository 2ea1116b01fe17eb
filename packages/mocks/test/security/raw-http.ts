import { connect, type Socket } from "node:net";

/** One HTTP response read off a raw socket (interim 1xx responses skipped). */
export interface RawResponse {
  readonly status: number;
  /** Lower-cased names; repeated headers joined with ", ". */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/**
 * A raw TCP connection to an HTTP server that sends bytes exactly as given (no client-side normalisation of
 * methods, targets, hosts or framing) and reads one response per request, for attack-style tests.
 *
 * @example
 * const c = await RawConnection.open(port);
 * const r = await c.exchange("GET * HTTP/1.1\r\nHost: x\r\n\r\n");
 */
export class RawConnection {
  private buffer = Buffer.alloc(0);
  private ended = false;
  private wake: (() => void) | undefined;

  private constructor(private readonly socket: Socket) {
    socket.on("data", (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.wake?.();
    });
    const end = () => {
      this.ended = true;
      this.wake?.();
    };
    socket.on("end", end).on("close", end).on("error", end);
  }

  static open(port: number, host = "127.0.0.1"): Promise<RawConnection> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, host, () => resolve(new RawConnection(socket)));
      socket.once("error", reject);
    });
  }

  /** Whether the server closed (or reset) the connection. */
  get closed(): boolean {
    return this.ended;
  }

  /**
   * Writes `raw` and reads the response; `undefined` if the connection closed first. `head`: the request was a
   * HEAD (its response has no body whatever `Content-Length` says).
   */
  async exchange(raw: string | Buffer, head = false): Promise<RawResponse | undefined> {
    if (!this.ended) this.socket.write(raw);
    for (;;) {
      const parsed = this.parse(head);
      if (parsed === "interim") continue;
      if (parsed) return parsed;
      if (this.ended) return undefined;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
      this.wake = undefined;
    }
  }

  close(): void {
    this.socket.destroy();
  }

  private parse(head: boolean): RawResponse | "interim" | undefined {
    const end = this.buffer.indexOf("\r\n\r\n");
    if (end < 0) return undefined;
    const lines = this.buffer.subarray(0, end).toString("latin1").split("\r\n");
    const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(lines[0] ?? "")?.[1]);
    const headers: Record<string, string> = {};
    for (const line of lines.slice(1)) {
      const colon = line.indexOf(":");
      const name = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
    }
    if (status >= 100 && status < 200) {
      this.buffer = this.buffer.subarray(end + 4);
      return "interim";
    }
    const declared = headers["content-length"];
    const length = head || status === 204 || status === 304 ? 0 : declared === undefined ? undefined : Number(declared);
    const available = this.buffer.length - end - 4;
    if (length === undefined ? !this.ended : available < length) return undefined;
    const size = length ?? available;
    const body = this.buffer.subarray(end + 4, end + 4 + size).toString("utf8");
    this.buffer = this.buffer.subarray(end + 4 + size);
    return { status, headers, body };
  }
}

/**
 * Sends one raw request on a fresh connection and closes it.
 *
 * @example
 * const r = await rawRequest(port, "GET /jobs/fw-1/things HTTP/1.1\r\nHost: attacker.example\r\n\r\n");
 */
export async function rawRequest(port: number, raw: string | Buffer, head = false): Promise<RawResponse | undefined> {
  const connection = await RawConnection.open(port);
  try {
    return await connection.exchange(raw, head);
  } finally {
    connection.close();
  }
}

/**
 * Whether an error answer is shaped as AWS's: an `x-amzn-ErrorType` header and a JSON body with a `message`.
 *
 * @example
 * expect(isAwsShaped(response)).toBe(true);
 */
export function isAwsShaped(response: RawResponse): boolean {
  if (!response.headers["x-amzn-errortype"]) return false;
  try {
    return typeof (JSON.parse(response.body) as { message?: unknown }).message === "string";
  } catch {
    return false;
  }
}
