import { IoTClient } from "@aws-sdk/client-iot";
import { servers } from "@iot-jobs/spec";
import { expect, test } from "vitest";
import { checkRegion, resolveEndpoint } from "./endpoint.js";
import { ConfigurationError } from "./errors.js";

test.each([
  ["us-east-1", false, "https://iot.us-east-1.amazonaws.com"],
  ["eu-central-1", false, "https://iot.eu-central-1.amazonaws.com"],
  ["cn-north-1", false, "https://iot.cn-north-1.amazonaws.com.cn"],
  ["cn-northwest-1", false, "https://iot.cn-northwest-1.amazonaws.com.cn"],
  ["us-gov-west-1", false, "https://iot.us-gov-west-1.amazonaws.com"],
  ["us-east-1", true, "https://iot-fips.us-east-1.amazonaws.com"],
  ["us-gov-east-1", true, "https://iot-fips.us-gov-east-1.amazonaws.com"],
  ["cn-north-1", true, "https://iot-fips.cn-north-1.amazonaws.com.cn"],
])("%s (FIPS %s) resolves to %s", (region, fips, want) => {
  expect(resolveEndpoint(region, fips)).toBe(want);
});

// The official SDK's endpoint ruleset is the oracle: same URL for every partition this client covers.
test.each([
  ["us-east-1", false],
  ["ap-southeast-2", true],
  ["cn-north-1", false],
  ["cn-northwest-1", true],
  ["us-gov-west-1", false],
  ["us-gov-west-1", true],
  ["local", false],
])("%s (FIPS %s) agrees with @aws-sdk/client-iot's endpoint ruleset", async (region, fips) => {
  const sdk = new IoTClient({ region, useFipsEndpoint: fips, credentials: { accessKeyId: "a", secretAccessKey: "b" } });
  const resolved = await sdk.config.endpointProvider({ Region: region, UseFIPS: fips, UseDualStack: false });
  expect(`${resolveEndpoint(region, fips)}/`).toBe(resolved.url.href);
});

test("every server template of the spec is what its default region resolves to", () => {
  for (const { url, variables } of servers) {
    const region = variables.region.default;
    expect(resolveEndpoint(region, url.includes("iot-fips"))).toBe(url.replace("{region}", region));
  }
});

test("a custom endpoint is used as given, path prefix kept", () => {
  expect(resolveEndpoint("us-east-1", false, "http://127.0.0.1:4010")).toBe("http://127.0.0.1:4010");
  expect(resolveEndpoint("us-east-1", false, "https://vpce-1.iot.us-east-1.vpce.amazonaws.com/prefix/")).toBe(
    "https://vpce-1.iot.us-east-1.vpce.amazonaws.com/prefix/",
  );
  expect(resolveEndpoint("us-east-1", undefined, new URL("http://localhost:5000/a/b"))).toBe(
    "http://localhost:5000/a/b",
  );
});

test("FIPS with a custom endpoint is an error, in the ruleset's words", () => {
  expect(() => resolveEndpoint("us-east-1", true, "http://127.0.0.1:4010")).toThrow(
    new ConfigurationError({
      message: "[@iot-jobs/client] Invalid Configuration: FIPS and custom endpoint are not supported",
    }),
  );
  expect(() => resolveEndpoint("us-east-1", true, "http://127.0.0.1:4010")).toThrow(ConfigurationError);
});

test.each([
  "",
  "localhost:4010",
  "ftp://example.com",
  "http://",
  "https://example.com/?a=1",
  "http://h/#x",
  "http://a b",
])("endpoint %j is rejected, naming the value", (endpoint) => {
  expect(() => resolveEndpoint("us-east-1", false, endpoint)).toThrow(ConfigurationError);
  expect(() => resolveEndpoint("us-east-1", false, endpoint)).toThrow(
    `Invalid endpoint ${endpoint}: must be an http(s) URL`,
  );
});

test.each(["us-east-1", "cn-north-1", "us-gov-west-1", "eusc-de-east-1", "us-isob-east-1", "ap-southeast-7"])(
  "region %j is accepted",
  (region) => {
    expect(checkRegion(region)).toBe(region);
  },
);

test.each([
  // [given, the suggestion]
  ["eu-wset-1", "eu-west-1"],
  ["us-esat-1", "us-east-1"],
  ["ap-southest-2", "ap-southeast-2"],
  ["us-gov-wets-1", "us-gov-west-1"],
  ["US-EAST-1", "us-east-1"],
  ["us-east1", "us-east-1"],
  ["local", "us-east-1"],
  ["", "us-east-1"],
  [42, "us-east-1"],
])("region %j is refused at creation, with the nearest region suggested (%s)", (region, near) => {
  expect(() => checkRegion(region)).toThrow(ConfigurationError);
  expect(() => checkRegion(region)).toThrow(
    `[@iot-jobs/client] Invalid region ${JSON.stringify(region)}: not an AWS region; did you mean ${near}?`,
  );
});

test.each(["us east 1", "us-east-1.", "-us-east-1", "us-east-1-", "a".repeat(64)])(
  "region %j (not a DNS label) is refused, naming the option it came from",
  (region) => {
    expect(() => checkRegion(region, "AWS_REGION")).toThrow(`Invalid AWS_REGION ${JSON.stringify(region)}`);
  },
);

test("no region is refused, saying where to set one", () => {
  expect(() => checkRegion(undefined)).toThrow("[@iot-jobs/client] No region: pass region or set AWS_REGION");
});

test.each(["http://u:pw@127.0.0.1:4010", "https://user@gw.example/iot", "http://:secret@h", "https://a%40b:p%3Aw@h/x"])(
  "endpoint %j with credentials in it is refused without showing them",
  (endpoint) => {
    const thrown = (() => {
      try {
        resolveEndpoint("us-east-1", false, endpoint, "AWS_ENDPOINT_URL_IOT");
      } catch (e) {
        return e as Error;
      }
    })();
    expect(thrown).toBeInstanceOf(ConfigurationError);
    expect(thrown?.message).toMatch(/^\[@iot-jobs\/client\] Invalid AWS_ENDPOINT_URL_IOT https?:\/\/\*\*\*@/);
    expect(thrown?.message).toContain("must not contain credentials");
    for (const secret of ["pw", "secret", "user", "p%3Aw"]) expect(thrown?.message).not.toContain(`${secret}@`);
  },
);
