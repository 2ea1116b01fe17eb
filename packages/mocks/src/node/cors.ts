import type { IncomingMessage } from "node:http";
import { errorTypeHeader, requestIdHeader } from "../core/spec.js";

/**
 * CORS for the standalone server, so a web page on another origin (a docs playground, a dev server) can call it
 * with signed requests. Off by default: AWS IoT's own endpoint sends no CORS headers.
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
 * The answer to a CORS preflight (`OPTIONS` with `Access-Control-Request-Method`), or `undefined` if the request
 * is not one. Allows every header the page asks for (SigV4 signs `authorization`, `x-amz-date`, ...).
 *
 * @example
 * const preflight = corsPreflight(req);
 * if (preflight) return res.writeHead(204, preflight).end();
 */
export function corsPreflight(req: IncomingMessage): Record<string, string> | undefined {
  if (req.method !== "OPTIONS" || !req.headers["access-control-request-method"]) return undefined;
  return {
    ...corsHeaders(req),
    "Access-Control-Allow-Methods": "GET, POST, DELETE, OPTIONS",
    "Access-Control-Allow-Headers": String(req.headers["access-control-request-headers"] ?? "*"),
    "Access-Control-Max-Age": "600",
  };
}
