import type { IncomingMessage } from "node:http";
import { errorTypeHeader, requestIdHeader } from "../core/spec.js";

/**
 * Which browser origins may call the standalone server: `true` for loopback pages only (`http(s)://localhost`,
 * `*.localhost`, `127.0.0.1`, `[::1]`, any port: Vite's default since CVE-2025-24010), or a list of exact origins
 * such as `http://localhost:5173`. `false`: none but the server's own origin.
 */
export type CorsOption = boolean | string | readonly string[];

// Vite's `defaultAllowedOrigins` pattern: loopback names and addresses only, any port.
const loopbackOrigin = /^https?:\/\/(?:(?:[^:/]+\.)?localhost|127\.0\.0\.1|\[::1\])(?::\d+)?$/;

/**
 * The origin policy of a server: whether a request's `Origin` may call it.
 *
 * @example
 * const allows = originPolicy(["http://localhost:5173"]);
 * allows("http://evil.example", "127.0.0.1:4010"); // false
 */
export function originPolicy(cors: CorsOption | undefined): (origin: string, ownHost: string | undefined) => boolean {
  const listed = new Set(typeof cors === "string" ? [cors] : Array.isArray(cors) ? cors : []);
  return (origin, ownHost) =>
    (ownHost !== undefined && origin === `http://${ownHost}`) || // same origin: the page came from this server
    listed.has(origin) ||
    (cors === true && loopbackOrigin.test(origin));
}

/**
 * Checks a CORS origin given on the command line or in options: `scheme://host[:port]`, no path, no `*`.
 * Returns the problem, or `undefined`.
 *
 * @example
 * corsOriginProblem("*"); // "must be an origin such as http://localhost:5173, not *"
 */
export function corsOriginProblem(origin: string): string | undefined {
  let url: URL | undefined;
  try {
    url = new URL(origin);
  } catch {}
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:") || url.origin !== origin)
    return `must be an origin such as http://localhost:5173 (scheme, host and port only), not ${origin}`;
  return undefined;
}

/**
 * CORS response headers for an allowed origin, so a web page on it (a docs playground, a dev server) can read
 * the answers and AWS's headers. `{}` when the request has no `Origin`. Off by default, as on AWS IoT's endpoint.
 *
 * @example
 * const extra = corsHeaders(req); // {} when the request has no Origin
 */
export function corsHeaders(req: IncomingMessage): Record<string, string> {
  const origin = req.headers.origin;
  if (!origin) return {};
  return {
    "Access-Control-Allow-Origin": origin,
    "Access-Control-Expose-Headers": `${requestIdHeader}, ${errorTypeHeader}, Date`,
    Vary: "Origin",
  };
}

/**
 * Whether a request is a CORS preflight (`OPTIONS` with `Access-Control-Request-Method`).
 *
 * @example
 * if (isPreflight(req)) res.writeHead(204, corsPreflight(req)).end();
 */
export const isPreflight = (req: IncomingMessage): boolean =>
  req.method === "OPTIONS" && req.headers["access-control-request-method"] !== undefined;

/**
 * The answer headers of a preflight from an allowed origin. Allows every header the page asks for (SigV4 signs
 * `authorization`, `x-amz-date`, ...; the control token travels in `authorization`).
 *
 * @example
 * res.writeHead(204, corsPreflight(req)).end();
 */
export function corsPreflight(req: IncomingMessage): Record<string, string> {
  return {
    ...corsHeaders(req),
    "Access-Control-Allow-Methods": "GET, POST, DELETE, OPTIONS",
    "Access-Control-Allow-Headers": String(req.headers["access-control-request-headers"] ?? "*"),
    "Access-Control-Max-Age": "600",
  };
}
