import { routeParameterNames, routePattern } from "../../spec.js";
import { awsEndpointRegion } from "./endpoints.js";

/** Where the handlers answer besides AWS's own endpoints. */
export interface RouteOptions {
  /** Extra base URLs (origin plus optional path prefix), e.g. `http://localhost:4010` or `https://gw.example/iot`. */
  readonly baseUrls: readonly URL[];
  /** Answer on every origin (the standalone server uses it: it serves whatever host the client dialled). */
  readonly anyHost: boolean;
}

/** A request URL that addresses the operation: its decoded path parameters, and the endpoint's region if AWS. */
export interface RouteMatch {
  readonly params: Readonly<Record<string, string>>;
  readonly endpointRegion: string | undefined;
}

/**
 * Builds the URL matcher of the handlers: every AWS IoT endpoint (all regions, `aws` and `aws-cn`, FIPS), the
 * configured base URLs, or any host; then the operation's path template.
 *
 * @example
 * const match = createRouteMatcher({ baseUrls: [], anyHost: false });
 * match(new URL("https://iot.eu-west-1.amazonaws.com/jobs/fw-1/things"))?.params.jobId; // "fw-1"
 */
export function createRouteMatcher(options: RouteOptions): (url: URL) => RouteMatch | undefined {
  const bases = options.baseUrls.map((base) => ({ origin: base.origin, prefix: base.pathname.replace(/\/+$/, "") }));
  return (url) => {
    const endpointRegion = awsEndpointRegion(url);
    let path: string | undefined;
    if (endpointRegion !== undefined || options.anyHost) path = url.pathname;
    else {
      const base = bases.find((b) => b.origin === url.origin && url.pathname.startsWith(`${b.prefix}/`));
      path = base ? url.pathname.slice(base.prefix.length) : undefined;
    }
    const match = path === undefined ? null : routePattern.exec(path);
    if (!match) return undefined;
    const params: Record<string, string> = {};
    routeParameterNames.forEach((name, i) => {
      params[name] = decode(match[i + 1] ?? "");
    });
    return { params, endpointRegion };
  };
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // a malformed escape is kept as sent; validation then names it
  }
}
