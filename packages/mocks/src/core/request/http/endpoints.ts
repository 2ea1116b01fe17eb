import { servers } from "../../spec.js";

/** A region name in any partition (`us-east-1`, `ap-southeast-5`, `us-gov-west-1`, `cn-north-1`). */
const anyRegion = "[a-z]{2}(?:-[a-z]+)+-\\d+";

interface EndpointPattern {
  readonly pattern: RegExp;
}

// One origin pattern per server of the spec. `{region}` becomes the variable's enum when the spec lists one
// (the China endpoint), else any region name outside China (China regions exist only under `.amazonaws.com.cn`).
const endpointPatterns: readonly EndpointPattern[] = servers.map((server) => {
  const variable = server.variables.region as { readonly enum?: readonly string[] };
  const region = variable.enum ? variable.enum.map((r) => r.replace(/-/g, "\\-")).join("|") : `(?!cn-)${anyRegion}`;
  const escaped = server.url.replace(/[.*+?^$()|[\]\\]/g, "\\$&");
  return { pattern: new RegExp(`^${escaped.replace("{region}", `(${region})`)}$`) };
});

/**
 * The region of an AWS IoT endpoint URL (standard, China or FIPS, any region), or `undefined` if the URL's
 * origin is not one.
 *
 * @example
 * awsEndpointRegion(new URL("https://iot-fips.us-east-1.amazonaws.com/jobs/x/things")); // "us-east-1"
 * awsEndpointRegion(new URL("http://127.0.0.1:4010/jobs/x/things")); // undefined
 */
export function awsEndpointRegion(url: URL): string | undefined {
  for (const { pattern } of endpointPatterns) {
    const match = pattern.exec(url.origin);
    if (match) return match[1];
  }
  return undefined;
}

/**
 * The AWS partition of a region, as it appears in ARNs.
 *
 * @example
 * partitionOf("cn-north-1"); // "aws-cn"
 */
export function partitionOf(region: string): "aws" | "aws-cn" | "aws-us-gov" {
  if (region.startsWith("cn-")) return "aws-cn";
  if (region.startsWith("us-gov-")) return "aws-us-gov";
  return "aws";
}
