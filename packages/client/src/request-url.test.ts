import { operation } from "@iot-jobs/spec";
import fc from "fast-check";
import { createFinalURL, createQuerySerializer, defaultPathSerializer } from "openapi-fetch";
import { expect, test } from "vitest";
import { pathSerializer, querySerializer, requestUrl } from "./list-job-executions-for-job.js";

// openapi-fetch's full serializers are the oracle: the primitive-only ones the client bundles build the same URLs.
const full = createQuerySerializer();
const input = fc.record(
  {
    jobId: fc.string({ unit: "grapheme", maxLength: 70 }),
    status: fc.constantFrom("QUEUED", "IN_PROGRESS", "FAILED", "TIMED_OUT", "CANCELED"),
    maxResults: fc.integer({ min: -5, max: 300 }),
    nextToken: fc.string({ unit: "binary", maxLength: 120 }),
  },
  { requiredKeys: ["jobId"] },
);

test("the request URL equals openapi-fetch's with its full createQuerySerializer and defaultPathSerializer", () => {
  fc.assert(
    fc.property(
      input,
      fc.constantFrom("https://iot.us-east-1.amazonaws.com", "http://127.0.0.1:4010/p"),
      (given, baseUrl) => {
        const { jobId, status, maxResults, nextToken } = given;
        const want = createFinalURL(operation.path, {
          baseUrl,
          params: { path: { jobId }, query: { status, maxResults, nextToken } },
          querySerializer: full,
          pathSerializer: defaultPathSerializer,
        });
        expect(requestUrl(baseUrl, given)).toBe(want);
      },
    ),
    { numRuns: 500 },
  );
});

test.each([
  [
    "every member",
    { status: "FAILED", maxResults: 10, nextToken: "a b&c=d/é" },
    "status=FAILED&maxResults=10&nextToken=a%20b%26c%3Dd%2F%C3%A9",
  ],
  ["absent and null members left out", { status: undefined, maxResults: null, nextToken: "x" }, "nextToken=x"],
  ["no member", {}, ""],
])("query: %s", (_, query, want) => {
  expect(querySerializer(query)).toBe(want);
  expect(full(query)).toBe(want);
});

test("path: the jobId is percent-encoded in the template, as openapi-fetch's simple style does", () => {
  for (const jobId of ["job-1", "a/b?c#d", "%2F", "ü 1"]) {
    expect(pathSerializer(operation.path, { jobId })).toBe(defaultPathSerializer(operation.path, { jobId }));
  }
  expect(pathSerializer(operation.path, { jobId: "a/b" })).toBe("/jobs/a%2Fb/things");
});
