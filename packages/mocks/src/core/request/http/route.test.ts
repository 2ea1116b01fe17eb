import { expect, test } from "vitest";
import { awsEndpointRegion, partitionOf } from "./endpoints.js";
import { createRouteMatcher } from "./route.js";

test.each([
  ["https://iot.us-east-1.amazonaws.com", "us-east-1"],
  ["https://iot.ap-southeast-5.amazonaws.com", "ap-southeast-5"],
  ["https://iot.eu-central-2.amazonaws.com", "eu-central-2"],
  ["https://iot.il-central-1.amazonaws.com", "il-central-1"],
  ["https://iot.us-gov-west-1.amazonaws.com", "us-gov-west-1"],
  ["https://iot.cn-north-1.amazonaws.com.cn", "cn-north-1"],
  ["https://iot.cn-northwest-1.amazonaws.com.cn", "cn-northwest-1"],
  ["https://iot-fips.us-east-2.amazonaws.com", "us-east-2"],
  ["https://iot-fips.ca-central-1.amazonaws.com", "ca-central-1"],
  ["https://iot-fips.cn-north-1.amazonaws.com.cn", "cn-north-1"], // FIPS in aws-cn, as the SDKs' rules derive it
  ["https://iot.us-east-1.amazonaws.com:443", "us-east-1"],
])("%s is an AWS IoT endpoint of %s", (origin, region) => {
  expect(awsEndpointRegion(new URL(`${origin}/jobs/x/things`))).toBe(region);
});

test.each([
  "http://iot.us-east-1.amazonaws.com", // not https
  "https://iot.cn-north-1.amazonaws.com", // China regions only exist under .com.cn
  "https://iot.us-east-1.amazonaws.com.cn",
  "https://iot-fips.cn-south-9.amazonaws.com.cn", // not a China region of the spec
  "https://iot.cn-south-9.amazonaws.com.cn",
  "https://data-ats.iot.us-east-1.amazonaws.com",
  "https://iot.us-east-1.amazonaws.com.evil.example",
  "https://example.com",
  "http://127.0.0.1:4010",
])("%s is not one", (origin) => {
  expect(awsEndpointRegion(new URL(`${origin}/jobs/x/things`))).toBeUndefined();
});

test("partitions as ARNs spell them", () => {
  expect([partitionOf("us-east-1"), partitionOf("cn-north-1"), partitionOf("us-gov-east-1")]).toEqual([
    "aws",
    "aws-cn",
    "aws-us-gov",
  ]);
});

test("the path template matches with decoded parameters, on AWS hosts and custom base URLs only", () => {
  const match = createRouteMatcher({
    baseUrls: [new URL("http://localhost:4010"), new URL("https://gw.example/aws/iot/")],
    anyHost: false,
  });
  expect(match(new URL("https://iot.eu-west-1.amazonaws.com/jobs/fw-1/things"))).toEqual({
    params: { jobId: "fw-1" },
    endpointRegion: "eu-west-1",
  });
  expect(match(new URL("https://iot.eu-west-1.amazonaws.com/jobs/a%20b/things"))?.params.jobId).toBe("a b");
  expect(match(new URL("https://iot.eu-west-1.amazonaws.com/jobs//things"))?.params.jobId).toBe("");
  expect(match(new URL("http://localhost:4010/jobs/fw-1/things?maxResults=2"))).toEqual({
    params: { jobId: "fw-1" },
    endpointRegion: undefined,
  });
  expect(match(new URL("https://gw.example/aws/iot/jobs/fw-1/things"))?.params.jobId).toBe("fw-1");
  expect(match(new URL("https://gw.example/jobs/fw-1/things"))).toBeUndefined();
  expect(match(new URL("http://localhost:4011/jobs/fw-1/things"))).toBeUndefined();
  expect(match(new URL("https://iot.eu-west-1.amazonaws.com/jobs/fw-1/things/extra"))).toBeUndefined();
  expect(match(new URL("https://iot.eu-west-1.amazonaws.com/jobs/fw-1"))).toBeUndefined();
  expect(match(new URL("https://iot.eu-west-1.amazonaws.com/jobs/a/b/things"))).toBeUndefined();
});

test("anyHost answers on every origin", () => {
  const match = createRouteMatcher({ baseUrls: [], anyHost: true });
  expect(match(new URL("http://127.0.0.1:54321/jobs/fw-1/things"))?.params.jobId).toBe("fw-1");
});
