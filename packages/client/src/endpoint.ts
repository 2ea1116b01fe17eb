import { ConfigurationError, P } from "./errors.js";
import { isRegion, nearestRegion } from "./region.js";

/** Throws a `ConfigurationError` with this message. */
export const fail = (message: string): never => {
  throw new ConfigurationError({ message: P + message });
};

/**
 * Resolves the base URL as the IoT endpoint ruleset does for the `aws`, `aws-us-gov` and `aws-cn` partitions:
 * `https://iot.{region}.amazonaws.com`, `.com.cn` for regions matching the `aws-cn` pattern, `iot-fips.` with FIPS
 * (which today's ruleset allows in every partition, China included). A custom endpoint is used as given, its path
 * prefix kept, and cannot be combined with FIPS (the ruleset's own words). `option` names where the endpoint came
 * from (`endpoint`, `AWS_ENDPOINT_URL_IOT`, `AWS_ENDPOINT_URL`) in errors.
 */
export const resolveEndpoint = (
  region: string,
  useFipsEndpoint?: boolean,
  endpoint?: string | URL,
  option = "endpoint",
): string =>
  endpoint == null
    ? `https://iot${useFipsEndpoint ? "-fips" : ""}.${region}.amazonaws.com${region.startsWith("cn-") ? ".cn" : ""}`
    : useFipsEndpoint
      ? fail("Invalid Configuration: FIPS and custom endpoint are not supported")
      : // A user name or password in the URL would travel in every error message and log line: refused, unshown.
        /^\w+:\/\/[^/?#]*@/.test(String(endpoint))
        ? fail(`Invalid ${option} ${String(endpoint).replace(/\/\/[^/?#]*@/, "//***@")}: must not contain credentials`)
        : /^https?:\/\/[^/?#\s]+[^?#\s]*$/.test(String(endpoint))
          ? String(endpoint)
          : fail(`Invalid ${option} ${endpoint}: must be an http(s) URL`);

/**
 * Checks the region: it must have a region's shape (`isRegion`, whose pattern admits only lower-case DNS labels, as
 * the host name and the signature need); otherwise the error suggests the nearest region. `option` names where it
 * came from (`region`, `AWS_REGION`, `AWS_DEFAULT_REGION`).
 */
export const checkRegion = (region: unknown, option = "region"): string =>
  region == null
    ? fail("No region: pass region or set AWS_REGION")
    : typeof region === "string" && isRegion(region)
      ? region
      : fail(
          `Invalid ${option} ${JSON.stringify(region)}: not an AWS region; did you mean ${nearestRegion(String(region).toLowerCase())}?`,
        );
