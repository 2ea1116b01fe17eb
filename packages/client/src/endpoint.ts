import { ConfigurationError, P } from "./errors.js";

/** Throws a `ConfigurationError` with this message. */
export const fail = (message: string): never => {
  throw new ConfigurationError({ message: P + message });
};

/**
 * Resolves the base URL as the IoT endpoint ruleset does for the `aws`, `aws-us-gov` and `aws-cn` partitions:
 * `https://iot.{region}.amazonaws.com`, `.com.cn` for regions matching the `aws-cn` pattern, `iot-fips.` with FIPS
 * (which today's ruleset allows in every partition, China included). A custom endpoint is used as given, its path
 * prefix kept, and cannot be combined with FIPS (the ruleset's own words).
 */
export const resolveEndpoint = (region: string, useFipsEndpoint?: boolean, endpoint?: string | URL): string =>
  endpoint == null
    ? `https://iot${useFipsEndpoint ? "-fips" : ""}.${region}.amazonaws.com${/^cn-\w+-\d+$/.test(region) ? ".cn" : ""}`
    : useFipsEndpoint
      ? fail("Invalid Configuration: FIPS and custom endpoint are not supported")
      : /^https?:\/\/[^/?#\s]+[^?#\s]*$/.test(String(endpoint))
        ? String(endpoint)
        : fail(`Invalid endpoint ${endpoint}`);

/** Checks the region: a lower-case DNS label such as `us-east-1` (it goes into the host name and the signature). */
export const checkRegion = (region: unknown): string =>
  typeof region === "string" && /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(region)
    ? region
    : fail(`Invalid region ${JSON.stringify(region)}: pass region or set AWS_REGION`);
