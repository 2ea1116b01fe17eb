import { dateMembers, responses } from "@iot-jobs/spec";
import { expect, test } from "vitest";
import { toOutput, toServiceError } from "./deserialize.js";
import {
  AccessDeniedException,
  DeserializationError,
  InvalidRequestException,
  InvalidSignatureException,
  IotJobsException,
  MissingAuthenticationTokenException,
  ResourceNotFoundException,
  ServiceUnavailableException,
  ThrottlingException,
  UnknownServiceException,
  UnrecognizedClientException,
} from "./errors.js";

const clone = <T>(value: T): T => structuredClone(value) as T;

test.each([
  [1764403200.123, "2025-11-29T08:00:00.123Z"],
  [1764403204.5, "2025-11-29T08:00:04.500Z"],
  [1764403261.042, "2025-11-29T08:01:01.042Z"],
  [1764403230, "2025-11-29T08:00:30.000Z"],
  [1764403200.1235, "2025-11-29T08:00:00.124Z"], // rounded to the millisecond, as the SDKs do
  [0, "1970-01-01T00:00:00.000Z"],
])("epoch seconds %d become %s", (seconds, iso) => {
  const out = toOutput({ executionSummaries: [{ jobExecutionSummary: { queuedAt: seconds } }] });
  expect(out.executionSummaries?.[0]?.jobExecutionSummary?.queuedAt?.toISOString()).toBe(iso);
});

test("every date member of the spec becomes a Date; others stay as they are", () => {
  const out = toOutput(clone(responses[200].examples.firstPage));
  const [first] = out.executionSummaries ?? [];
  for (const member of dateMembers) expect(first?.jobExecutionSummary?.[member]).toBeInstanceOf(Date);
  expect(first).toMatchObject({
    thingArn: "arn:aws:iot:us-east-1:123456789012:thing/sensor-0001",
    jobExecutionSummary: { status: "SUCCEEDED", executionNumber: 1, retryAttempt: 0 },
  });
  expect(out.nextToken).toBe(responses[200].examples.firstPage.nextToken);
});

test("absent members stay absent (no keys with undefined)", () => {
  const out = toOutput(clone(responses[200].examples.firstPage));
  const queued = out.executionSummaries?.[2]?.jobExecutionSummary;
  expect(queued && "startedAt" in queued).toBe(false);
  const bare = toOutput({ executionSummaries: [{}, { jobExecutionSummary: {} }, { thingArn: "x" }] });
  expect(bare).toEqual({ executionSummaries: [{}, { jobExecutionSummary: {} }, { thingArn: "x" }] });
  expect(Object.keys(bare)).toEqual(["executionSummaries"]);
});

test("the last page has no nextToken, whether absent or null; an empty object is an empty page", () => {
  expect(toOutput(clone(responses[200].examples.lastPage))).not.toHaveProperty("nextToken");
  expect(toOutput({ executionSummaries: [], nextToken: null })).toEqual({ executionSummaries: [] });
  expect(toOutput({})).toEqual({});
});

test("conversion is in place: no copy of the page", () => {
  const body = clone(responses[200].examples.firstPage);
  expect(toOutput(body)).toBe(body);
});

test.each([
  // [body, path, message after "Invalid response "]
  [null, "", "body null: must satisfy type: object"],
  ["a string", "", 'body "a string": must satisfy type: object'],
  [[1, 2], "", "body [1,2]: must satisfy type: object"],
  [
    { executionSummaries: "nope", nextToken: 5 },
    "executionSummaries",
    'executionSummaries "nope": must satisfy type: array',
  ],
  [{ executionSummaries: [], nextToken: 5 }, "nextToken", "nextToken 5: must satisfy type: string or null"],
  [
    { executionSummaries: [{ thingArn: 7 }] },
    "executionSummaries[0].thingArn",
    "executionSummaries[0].thingArn 7: must satisfy type: string",
  ],
  [
    { executionSummaries: [{}, {}, {}, { jobExecutionSummary: { queuedAt: "yesterday" } }] },
    "executionSummaries[3].jobExecutionSummary.queuedAt",
    'executionSummaries[3].jobExecutionSummary.queuedAt "yesterday": must satisfy type: number',
  ],
  [
    { executionSummaries: [{ jobExecutionSummary: { status: "DONE" } }] },
    "executionSummaries[0].jobExecutionSummary.status",
    'executionSummaries[0].jobExecutionSummary.status "DONE": must satisfy enum: QUEUED,IN_PROGRESS,SUCCEEDED,FAILED,TIMED_OUT,REJECTED,REMOVED,CANCELED',
  ],
  [
    { executionSummaries: [{ jobExecutionSummary: { executionNumber: 1.5 } }] },
    "executionSummaries[0].jobExecutionSummary.executionNumber",
    "executionSummaries[0].jobExecutionSummary.executionNumber 1.5: must satisfy type: integer",
  ],
  [
    { executionSummaries: [{ jobExecutionSummary: null }] },
    "executionSummaries[0].jobExecutionSummary",
    "executionSummaries[0].jobExecutionSummary null: must satisfy type: object",
  ],
])("a 200 body %j that breaks the spec's schema is a DeserializationError naming the path", (body, path, message) => {
  let thrown: unknown;
  try {
    toOutput(body);
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toBeInstanceOf(DeserializationError);
  expect(thrown).toMatchObject({ path, message: `[@iot-jobs/client] Invalid response ${message}`, $fault: "client" });
  expect((thrown as DeserializationError).$retryable).toBeUndefined();
});

test("members the schema does not know are kept, as AWS adds members over time", () => {
  const body = {
    executionSummaries: [{ thingArn: "a", newMember: { x: 1 }, jobExecutionSummary: { futureField: "y" } }],
    more: 1,
  };
  expect(toOutput(clone(body))).toEqual(body);
});

const response = (status: number, headers: Record<string, string> = {}) =>
  new Response(null, { status, headers: { "x-amzn-RequestId": "req-1", ...headers } });

test.each([
  [400, "InvalidRequestException", InvalidRequestException, "client", undefined],
  [400, "ThrottlingException", ThrottlingException, "client", { throttling: true }],
  [404, "ResourceNotFoundException", ResourceNotFoundException, "client", undefined],
  [503, "ServiceUnavailableException", ServiceUnavailableException, "server", { throttling: false }],
  [403, "UnrecognizedClientException", UnrecognizedClientException, "client", undefined],
  [403, "InvalidSignatureException", InvalidSignatureException, "client", undefined],
  [403, "AccessDeniedException", AccessDeniedException, "client", undefined],
  [403, "MissingAuthenticationTokenException", MissingAuthenticationTokenException, "client", undefined],
] as const)("HTTP %i %s is typed", (status, type, Class, fault, retryable) => {
  const error = toServiceError(response(status, { "x-amzn-ErrorType": type }), { message: "the message" });
  expect(error).toBeInstanceOf(Class);
  expect(error).toBeInstanceOf(IotJobsException);
  expect(error).toMatchObject({ name: type, code: type, message: "the message", $fault: fault });
  expect(error.$retryable).toEqual(retryable);
});

test("x-amzn-ErrorType is cut at the first colon", () => {
  const error = toServiceError(
    response(400, { "x-amzn-ErrorType": "ThrottlingException:http://internal.amazon.com/coral/com.amazonaws.iot/" }),
    { message: "Rate exceeded" },
  );
  expect(error).toBeInstanceOf(ThrottlingException);
  expect(error.$retryable).toEqual({ throttling: true });
});

test("the header wins over the body", () => {
  const error = toServiceError(response(404, { "x-amzn-ErrorType": "ResourceNotFoundException" }), {
    __type: "InvalidRequestException",
    message: "m",
  });
  expect(error).toBeInstanceOf(ResourceNotFoundException);
});

test.each([
  [{ code: "ThrottlingException", message: "m" }, ThrottlingException],
  [{ __type: "com.amazonaws.iot#ResourceNotFoundException", message: "m" }, ResourceNotFoundException],
  [{ __type: "InvalidRequestException:extra", message: "m" }, InvalidRequestException],
  [{ __type: "ns#ThrottlingException,more", message: "m" }, ThrottlingException],
])("without the header, the body's code or __type is used: %j", (body, Class) => {
  expect(toServiceError(response(400), body)).toBeInstanceOf(Class);
});

test("an unknown error type is an UnknownServiceException keeping the type; fault by status", () => {
  const client = toServiceError(response(409, { "x-amzn-ErrorType": "ConflictException" }), { message: "busy" });
  expect(client).toBeInstanceOf(UnknownServiceException);
  expect(client).toMatchObject({ code: "ConflictException", message: "busy", $fault: "client", $retryable: undefined });
  const server = toServiceError(response(500, { "x-amzn-ErrorType": "InternalFailure" }), { message: "oops" });
  expect(server).toMatchObject({ name: "UnknownServiceException", code: "InternalFailure", $fault: "server" });
  expect(server.$retryable).toEqual({ throttling: false });
});

test("a non-JSON error body (a proxy's HTML page) is typed, with the status and the start of the body", () => {
  const html = `<html><body>${"Bad gateway ".repeat(50)}</body></html>`;
  const error = toServiceError(response(502), html);
  expect(error).toBeInstanceOf(UnknownServiceException);
  expect(error).toMatchObject({ code: undefined, $fault: "server", $retryable: { throttling: false } });
  expect(error.message).toContain("HTTP 502");
  expect(error.message).toContain("<html><body>Bad gateway");
  expect(error.message.length).toBeLessThan(260);
});

test("an empty error body is typed by status", () => {
  expect(toServiceError(response(500), undefined)).toMatchObject({
    name: "UnknownServiceException",
    message: "HTTP 500",
  });
  expect(toServiceError(response(429), undefined).$retryable).toEqual({ throttling: true });
});
