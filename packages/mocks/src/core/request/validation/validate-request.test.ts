import { expect, test } from "vitest";
import { constraintPhrase, coralMessage } from "./coral-message.js";
import { validateRequest } from "./validate-request.js";

const prefix = (member: string, raw: string) => `Value '${raw}' at '${member}' failed to satisfy constraint:`;

test.each([
  ["maximum", { limit: 250 }, "Member must have value less than or equal to 250"],
  ["minimum", { limit: 1 }, "Member must have value greater than or equal to 1"],
  ["exclusiveMaximum", { limit: 9 }, "Member must have value less than 9"],
  ["exclusiveMinimum", { limit: 0 }, "Member must have value greater than 0"],
  ["maxLength", { limit: 64 }, "Member must have length less than or equal to 64"],
  ["minLength", { limit: 1 }, "Member must have length greater than or equal to 1"],
  ["pattern", { pattern: "^[a-zA-Z0-9_-]+$" }, "Member must satisfy regular expression pattern: [a-zA-Z0-9_-]+"],
  ["enum", { allowedValues: ["A", "B"] }, "Member must satisfy enum value set: [A, B]"],
  ["type", { type: "integer" }, "Member must be an integer"],
  ["type", { type: "string" }, "Member must be of type string"],
  ["format", { format: "int32" }, "Member must be a valid int32"],
])("the %s keyword reads %j as Coral words it", (keyword, params, want) => {
  expect(constraintPhrase({ member: "m", raw: "x", keyword, params })).toBe(want);
});

test.each([
  [
    "maxResults above 250",
    "?maxResults=300",
    [`${prefix("maxResults", "300")} Member must have value less than or equal to 250`],
  ],
  ["maxResults 0", "?maxResults=0", [`${prefix("maxResults", "0")} Member must have value greater than or equal to 1`]],
  ["non-numeric maxResults", "?maxResults=xyz", [`${prefix("maxResults", "xyz")} Member must be an integer`]],
  ["fractional maxResults", "?maxResults=2.5", [`${prefix("maxResults", "2.5")} Member must be an integer`]],
  [
    "huge maxResults (only the range is told)",
    "?maxResults=99999999999",
    [`${prefix("maxResults", "99999999999")} Member must have value less than or equal to 250`],
  ],
  [
    "an unknown status",
    "?status=DONE",
    [
      `${prefix("status", "DONE")} Member must satisfy enum value set: [QUEUED, IN_PROGRESS, SUCCEEDED, FAILED, TIMED_OUT, REJECTED, REMOVED, CANCELED]`,
    ],
  ],
  [
    "an empty status",
    "?status=",
    [
      `${prefix("status", "")} Member must satisfy enum value set: [QUEUED, IN_PROGRESS, SUCCEEDED, FAILED, TIMED_OUT, REJECTED, REMOVED, CANCELED]`,
    ],
  ],
] as const)("%s is a Coral validation error", (_name, query, items) => {
  const result = validateRequest({ jobId: "fw-1" }, new URLSearchParams(query));
  expect(result).toEqual({ ok: false, message: `1 validation error detected: ${items.join("; ")}` });
});

test("several violations are counted and listed in parameter order", () => {
  const jobId = `${"x".repeat(64)}!`;
  const result = validateRequest({ jobId }, new URLSearchParams("maxResults=251&status=done"));
  expect(result).toEqual({
    ok: false,
    message: coralMessage([
      { member: "jobId", raw: jobId, keyword: "maxLength", params: { limit: 64 } },
      { member: "jobId", raw: jobId, keyword: "pattern", params: { pattern: "^[a-zA-Z0-9_-]+$" } },
      {
        member: "status",
        raw: "done",
        keyword: "enum",
        params: {
          allowedValues: [
            "QUEUED",
            "IN_PROGRESS",
            "SUCCEEDED",
            "FAILED",
            "TIMED_OUT",
            "REJECTED",
            "REMOVED",
            "CANCELED",
          ],
        },
      },
      { member: "maxResults", raw: "251", keyword: "maximum", params: { limit: 250 } },
    ]),
  });
  expect((result as { message: string }).message).toMatch(
    /^4 validation errors detected: Value 'x{64}!' at 'jobId' failed to satisfy constraint: Member must have length less than or equal to 64; /,
  );
});

test("an empty job id breaks both its length and its pattern", () => {
  const result = validateRequest({ jobId: "" }, new URLSearchParams());
  expect(result).toMatchObject({
    ok: false,
    message: expect.stringMatching(
      /^2 validation errors detected: Value '' at 'jobId' .* greater than or equal to 1; /,
    ),
  });
});

test("a valid request comes back typed; absent members stay undefined", () => {
  expect(
    validateRequest({ jobId: "fw_1-A" }, new URLSearchParams("maxResults=250&status=QUEUED&nextToken=abc")),
  ).toEqual({
    ok: true,
    request: { jobId: "fw_1-A", status: "QUEUED", maxResults: 250, nextToken: "abc" },
  });
  expect(validateRequest({ jobId: "j" }, new URLSearchParams("other=1"))).toEqual({
    ok: true,
    request: { jobId: "j", status: undefined, maxResults: undefined, nextToken: undefined },
  });
});
