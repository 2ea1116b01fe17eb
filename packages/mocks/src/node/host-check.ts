import { isIP } from "node:net";

/** A `Host` header read as `hostname[:port]`, the hostname lower-cased (IPv6 keeps its brackets). */
export interface HostHeader {
  readonly hostname: string;
  readonly port: number | undefined;
  /** `hostname[:port]` as it may follow `http://` in a URL. */
  readonly host: string;
}

// RFC 9110 `uri-host [ ":" port ]`, restricted to what a client can dial: a DNS name (with `_`, as container
// names use), an IPv4 address or a bracketed IPv6 address. Anything else (a path, a space, userinfo) is refused.
const hostPattern = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,251}[A-Za-z0-9_])?)(?::(\d{1,5}))?$/;

/**
 * Parses a `Host` header; `undefined` when it is not a plain `hostname[:port]` (port 0..65535).
 *
 * @example
 * parseHostHeader("127.0.0.1:4010"); // { hostname: "127.0.0.1", port: 4010, host: "127.0.0.1:4010" }
 * parseHostHeader("127.0.0.1/jobs/fw-1/things?x="); // undefined
 */
export function parseHostHeader(value: string): HostHeader | undefined {
  const match = hostPattern.exec(value);
  if (!match) return undefined;
  const hostname = match[1]!.toLowerCase();
  if (hostname.startsWith("[") && isIP(hostname.slice(1, -1)) !== 6) return undefined;
  const port = match[2] === undefined ? undefined : Number(match[2]);
  if (port !== undefined && port > 65535) return undefined;
  return { hostname, port, host: port === undefined ? hostname : `${hostname}:${port}` };
}

/**
 * Whether a request's hostname may be answered. Like Vite's `server.allowedHosts` and webpack-dev-server's
 * `allowedHosts: "auto"`: `localhost`, `*.localhost` and IP addresses always (DNS rebinding needs a name the
 * attacker controls, so an IP literal cannot be one), plus each allowed entry: an exact name, or `.example.com`
 * for that name and all its subdomains.
 *
 * @example
 * isHostAllowed("attacker.example", []); // false
 * isHostAllowed("mock.ci.internal", [".ci.internal"]); // true
 */
export function isHostAllowed(hostname: string, allowed: readonly string[]): boolean {
  const name = hostname.toLowerCase();
  if (isIP(name) !== 0 || (name.startsWith("[") && isIP(name.slice(1, -1)) === 6)) return true;
  if (name === "localhost" || name.endsWith(".localhost")) return true;
  return allowed.some((entry) => {
    const e = entry.toLowerCase();
    return e.startsWith(".") ? name === e.slice(1) || name.endsWith(e) : name === e;
  });
}

/**
 * Whether a listen address stays on this machine (`127.0.0.0/8`, `::1`, `localhost`).
 *
 * @example
 * isLoopbackAddress("0.0.0.0"); // false: the iot-jobs-mock bin warns when there is no control token
 */
export function isLoopbackAddress(address: string): boolean {
  const a = address.toLowerCase().replace(/^\[|\]$/g, "");
  return a === "localhost" || a === "::1" || /^127\.\d+\.\d+\.\d+$/.test(a) || a === "::ffff:127.0.0.1";
}
