import { responses } from "@iot-jobs/spec";
import { afterEach, expect, test, vi } from "vitest";
import {
  AccessDeniedException,
  DeserializationError,
  InvalidRequestException,
  InvalidSignatureException,
  IotJobsException,
  MissingAuthenticationTokenException,
  NetworkError,
  ParamValidationError,
  ResourceNotFoundException,
  ServiceUnavailableException,
  ThrottlingException,
  UnknownServiceException,
  UnrecognizedClientException,
} from "../../src/index.js";
import { awsError, client, HttpResponse, listHandler, page, useServer } from "../helpers.js";

const server = useServer();

afterEach(() => {
  vi.restoreAllMocks();
});

test("a page resolves to data with Dates, and $metadata with status, request id and attempts", async () => {
  const { handler, requests } = listHandler(() =>
    HttpResponse.json(responses[200].examples.firstPage, { headers: { "x-amzn-RequestId": "6a1f2b3c" } }),
  );
  server.use(handler);
  const result = await client().listJobExecutionsForJob({ jobId: "firmware-42", status: "IN_PROGRESS", maxResults: 3 });
  expect(result.error).toBeUndefined();
  const expected = { httpStatusCode: 200, requestId: "6a1f2b3c", attempts: 1, totalRetryDelay: 0 };
  expect(result.$metadata).toEqual(expected);
  expect(result.data?.$metadata).toEqual(expected);
  expect(result.response?.status).toBe(200);
  expect(result.data?.executionSummaries?.[0]?.jobExecutionSummary?.startedAt).toEqual(
    new Date("2025-11-29T08:00:04.500Z"),
  );
  expect(result.data?.nextToken).toBe(responses[200].examples.firstPage.nextToken);
  const url = new URL(requests[0]?.url ?? "");
  expect(url.pathname).toBe("/jobs/firmware-42/things");
  expect(Object.fromEntries(url.searchParams)).toEqual({ status: "IN_PROGRESS", maxResults: "3" });
});

// Every modeled and every 403 error, as the spec's examples give them.
test.each([
  [400, "InvalidRequestException", responses[400].examples.invalidNextToken, InvalidRequestException, "client"],
  [404, "ResourceNotFoundException", responses[404].examples.jobNotFound, ResourceNotFoundException, "client"],
  [
    403,
    "UnrecognizedClientException",
    responses[403].examples.unrecognizedClient,
    UnrecognizedClientException,
    "client",
  ],
  [403, "InvalidSignatureException", responses[403].examples.invalidSignature, InvalidSignatureException, "client"],
  [403, "AccessDeniedException", responses[403].examples.accessDenied, AccessDeniedException, "client"],
  [
    403,
    "MissingAuthenticationTokenException",
    { message: "Missing Authentication Token" },
    MissingAuthenticationTokenException,
    "client",
  ],
] as const)("HTTP %i %s is returned as a typed error, not retried", async (status, type, body, Class, fault) => {
  const { handler, requests } = listHandler(() => awsError(status, type, body.message));
  server.use(handler);
  const { data, error, $metadata } = await client().listJobExecutionsForJob({ jobId: "firmware-42" });
  expect(data).toBeUndefined();
  expect(error).toBeInstanceOf(Class);
  expect(Class.isInstance(error)).toBe(true);
  expect(error).toMatchObject({ name: type, message: body.message, $fault: fault, $retryable: undefined });
  expect($metadata).toEqual({ httpStatusCode: status, requestId: `req-${type}`, attempts: 1, totalRetryDelay: 0 });
  expect(error?.$metadata).toBe($metadata);
  expect(requests).toHaveLength(1);
});

test.each([
  [400, "ThrottlingException", ThrottlingException, "client", { throttling: true }],
  [503, "ServiceUnavailableException", ServiceUnavailableException, "server", { throttling: false }],
] as const)(
  "HTTP %i %s is retried, then returned typed with the attempts",
  async (status, type, Class, fault, retryable) => {
    vi.spyOn(Math, "random").mockReturnValue(0); // no backoff delay
    const { handler, requests } = listHandler(() => awsError(status, type));
    server.use(handler);
    const { error, $metadata } = await client().listJobExecutionsForJob({ jobId: "firmware-42" });
    expect(error).toBeInstanceOf(Class);
    expect(error).toMatchObject({ name: type, $fault: fault, $retryable: retryable });
    expect($metadata).toMatchObject({ httpStatusCode: status, attempts: 3, totalRetryDelay: 0 });
    expect(requests).toHaveLength(3);
  },
);

test("an unknown error type is an UnknownServiceException that keeps the type", async () => {
  server.use(listHandler(() => awsError(409, "ConflictException", "busy")).handler);
  const { error } = await client().listJobExecutionsForJob({ jobId: "j" });
  expect(error).toBeInstanceOf(UnknownServiceException);
  expect(error).toMatchObject({ code: "ConflictException", message: "busy", $fault: "client" });
});

test("a non-JSON 5xx body is typed, retried, and its start becomes the message", async () => {
  vi.spyOn(Math, "random").mockReturnValue(0);
  const { handler, requests } = listHandler(
    () =>
      new HttpResponse("<html><h1>502 Bad Gateway</h1></html>", {
        status: 502,
        headers: { "content-type": "text/html" },
      }),
  );
  server.use(handler);
  const { error, $metadata } = await client().listJobExecutionsForJob({ jobId: "j" });
  expect(error).toBeInstanceOf(UnknownServiceException);
  expect(error?.message).toBe("HTTP 502 <html><h1>502 Bad Gateway</h1></html>");
  expect(error).toMatchObject({ $fault: "server", $retryable: { throttling: false } });
  expect($metadata).toMatchObject({ httpStatusCode: 502, attempts: 3 });
  expect(requests).toHaveLength(3);
});

test("a 200 whose body is not JSON is a DeserializationError, not retried", async () => {
  const { handler, requests } = listHandler(() => new HttpResponse("<html>captive portal</html>", { status: 200 }));
  server.use(handler);
  const { error, $metadata } = await client().listJobExecutionsForJob({ jobId: "j" });
  expect(error).toBeInstanceOf(DeserializationError);
  expect(error?.cause).toBeInstanceOf(SyntaxError);
  expect($metadata).toMatchObject({ httpStatusCode: 200, attempts: 1 });
  expect(requests).toHaveLength(1);
});

test("a 200 whose JSON is not an object is a DeserializationError", async () => {
  server.use(listHandler(() => HttpResponse.json(["not", "a", "page"])).handler);
  const { error } = await client().listJobExecutionsForJob({ jobId: "j" });
  expect(error).toBeInstanceOf(DeserializationError);
});

test("a network error is a NetworkError with fetch's error as cause, retried", async () => {
  vi.spyOn(Math, "random").mockReturnValue(0);
  const { handler, requests } = listHandler(() => HttpResponse.error());
  server.use(handler);
  const { error, $metadata } = await client().listJobExecutionsForJob({ jobId: "j" });
  expect(error).toBeInstanceOf(NetworkError);
  expect(error?.cause).toBeInstanceOf(TypeError);
  expect(error).toMatchObject({ $fault: "client", $retryable: { throttling: false } });
  expect($metadata).toEqual({ httpStatusCode: undefined, requestId: undefined, attempts: 3, totalRetryDelay: 0 });
  expect(requests).toHaveLength(3);
});

test("a bad parameter is a ParamValidationError and nothing is sent", async () => {
  const { handler, requests } = listHandler(() => HttpResponse.json(page(0, 1)));
  server.use(handler);
  const { error, $metadata } = await client().listJobExecutionsForJob({ jobId: "firmware-42", maxResults: 300 });
  expect(error).toBeInstanceOf(ParamValidationError);
  expect(error).toMatchObject({ field: "maxResults", value: 300, constraint: "maximum: 250" });
  expect(error?.message).toBe("[@iot-jobs/client] Invalid maxResults 300: must satisfy maximum: 250");
  expect($metadata).toEqual({ attempts: 0, totalRetryDelay: 0 });
  expect(requests).toHaveLength(0);
});

test("throwOnError: the call resolves to the data (with $metadata) ...", async () => {
  server.use(listHandler(() => HttpResponse.json(page(0, 2), { headers: { "x-amzn-RequestId": "r" } })).handler);
  const data = await client({ throwOnError: true }).listJobExecutionsForJob({ jobId: "j" });
  expect(data.executionSummaries).toHaveLength(2);
  expect(data.$metadata).toMatchObject({ httpStatusCode: 200, requestId: "r", attempts: 1 });
});

test("... and rejects with the typed error", async () => {
  server.use(listHandler(() => awsError(404, "ResourceNotFoundException", "Job x does not exist.")).handler);
  const call = client({ throwOnError: true }).listJobExecutionsForJob({ jobId: "x" });
  await expect(call).rejects.toBeInstanceOf(ResourceNotFoundException);
  await expect(call).rejects.toMatchObject({ message: "Job x does not exist.", $metadata: { httpStatusCode: 404 } });
  await expect(client({ throwOnError: true }).listJobExecutionsForJob({ jobId: "" })).rejects.toBeInstanceOf(
    ParamValidationError,
  );
});

test("errors are IotJobsExceptions with the package prefix on client-side messages only", async () => {
  server.use(listHandler(() => HttpResponse.error()).handler);
  const { error } = await client({ maxAttempts: 1 }).listJobExecutionsForJob({ jobId: "j" });
  expect(IotJobsException.isInstance(error)).toBe(true);
  expect(error?.message).toMatch(/^\[@iot-jobs\/client\] /);
});
