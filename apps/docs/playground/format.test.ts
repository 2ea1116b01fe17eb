import { expect, test } from "vitest";
import { authorizationLines, formatDate, formatMs, thingName } from "./format.js";

test.each([
  ["a thing ARN", "arn:aws:iot:us-east-1:123456789012:thing/sensor-0001", "sensor-0001"],
  ["a China ARN", "arn:aws-cn:iot:cn-north-1:123456789012:thing/meter-7", "meter-7"],
  ["something else, kept whole", "not-an-arn", "not-an-arn"],
  ["nothing", undefined, "—"],
])("thingName of %s", (_, arn, want) => {
  expect(thingName(arn)).toBe(want);
});

test("authorizationLines cuts a SigV4 header after each comma, keeping every character", () => {
  const header =
    "AWS4-HMAC-SHA256 Credential=AKID/20261129/us-east-1/iot/aws4_request, SignedHeaders=host;x-amz-date, Signature=ab12";
  const lines = authorizationLines(header);
  expect(lines).toEqual([
    "AWS4-HMAC-SHA256 Credential=AKID/20261129/us-east-1/iot/aws4_request,",
    "SignedHeaders=host;x-amz-date,",
    "Signature=ab12",
  ]);
  expect(lines.join(" ")).toBe(header);
});

test("formatMs rounds to whole milliseconds; formatDate shows a dash for an absent date", () => {
  expect(formatMs(312.4)).toBe(`${(312).toLocaleString()} ms`);
  expect(formatMs(1149.6)).toBe(`${(1150).toLocaleString()} ms`);
  expect(formatDate(undefined)).toBe("—");
  const date = new Date("2026-11-29T07:00:00Z");
  expect(formatDate(date)).toBe(
    new Intl.DateTimeFormat(undefined, { dateStyle: "short", timeStyle: "medium" }).format(date),
  );
});
