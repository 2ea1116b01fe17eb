import { runInNewContext } from "node:vm";
import { expect, test } from "vitest";
import * as errors from "./errors.js";
import {
  IotJobsException,
  NetworkError,
  ParamValidationError,
  ServiceUnavailableException,
  ThrottlingException,
} from "./errors.js";

const classes = (Object.entries(errors) as [string, unknown][]).filter(
  (entry): entry is [string, errors.IotJobsExceptionClass<IotJobsException>] =>
    typeof entry[1] === "function" && entry[0] !== "IotJobsException",
);

test("sixteen error classes, each named after itself, all IotJobsExceptions", () => {
  expect(classes.map(([name]) => name).sort()).toEqual(
    [
      "AccessDeniedException",
      "ConfigurationError",
      "CredentialsProviderError",
      "DeserializationError",
      "InvalidRequestException",
      "InvalidSignatureException",
      "MissingAuthenticationTokenException",
      "NetworkError",
      "PaginationError",
      "ParamValidationError",
      "ResourceNotFoundException",
      "ServiceUnavailableException",
      "ThrottlingException",
      "TimeoutError",
      "UnknownServiceException",
      "UnrecognizedClientException",
    ].sort(),
  );
  for (const [name, Class] of classes) {
    const error = new Class();
    expect(error).toBeInstanceOf(Class);
    expect(error).toBeInstanceOf(IotJobsException);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe(name);
    expect(error.message).toBe(name);
    expect(error.$fault).toBe(name === "ServiceUnavailableException" ? "server" : "client");
    expect(error.$metadata).toEqual({ attempts: 0, totalRetryDelay: 0 });
    expect(Class.isInstance(error)).toBe(true);
    expect(IotJobsException.isInstance(error)).toBe(true);
    expect(String(error)).toBe(`${name}: ${name}`);
  }
});

test("isInstance tells the classes apart", () => {
  const throttled = new ThrottlingException();
  expect(ThrottlingException.isInstance(throttled)).toBe(true);
  expect(ServiceUnavailableException.isInstance(throttled)).toBe(false);
  expect(throttled instanceof ServiceUnavailableException).toBe(false);
});

test("isInstance works across realms, where instanceof does not", () => {
  const foreign = runInNewContext(
    `const e = new Error("Rate exceeded"); e.name = "ThrottlingException"; e.$fault = "client";
     e.$metadata = { httpStatusCode: 400, attempts: 3, totalRetryDelay: 120 }; e`,
  );
  expect(foreign instanceof IotJobsException).toBe(false);
  expect(IotJobsException.isInstance(foreign)).toBe(true);
  expect(ThrottlingException.isInstance(foreign)).toBe(true);
  expect(ServiceUnavailableException.isInstance(foreign)).toBe(false);
});

test.each([
  undefined,
  null,
  0,
  "ThrottlingException",
  new Error("x"),
  { $fault: "client" },
  { $fault: "other", $metadata: {} },
])("isInstance(%j) is false", (value) => {
  expect(IotJobsException.isInstance(value)).toBe(false);
  expect(ThrottlingException.isInstance(value)).toBe(false);
});

test("the init's fields, metadata and cause are kept; cause stays non-enumerable like Error's", () => {
  const cause = new TypeError("fetch failed");
  const error = new NetworkError({
    message: "offline",
    cause,
    $retryable: { throttling: false },
    $metadata: { attempts: 3, totalRetryDelay: 250 },
  });
  expect(error.cause).toBe(cause);
  expect(Object.getOwnPropertyDescriptor(error, "cause")?.enumerable).toBe(false);
  expect(Object.getOwnPropertyDescriptor(error, "message")?.enumerable).toBe(false);
  expect(error).toMatchObject({ message: "offline", $retryable: { throttling: false } });
  expect(error.$metadata).toEqual({ attempts: 3, totalRetryDelay: 250 });
  expect("cause" in new NetworkError()).toBe(false);
});

test("members beyond the base ones are copied onto the error", () => {
  const error = new ParamValidationError({ field: "maxResults", value: 300, constraint: "maximum: 250" });
  expect(error).toMatchObject({ field: "maxResults", value: 300, constraint: "maximum: 250" });
});

test("$fault can be set per instance", () => {
  expect(new errors.UnknownServiceException({ $fault: "server" }).$fault).toBe("server");
});
