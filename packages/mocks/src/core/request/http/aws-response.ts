import { type AwsErrorName, errorTypeHeader, requestIdHeader, statusForError } from "../../spec.js";
import type { PlainResponse } from "./plain.js";

/**
 * A rest-json response as AWS IoT sends it: JSON body, `content-type: application/json`, `x-amzn-RequestId`,
 * and a `date` header (SDKs read it to correct clock skew after a `Signature expired` error).
 *
 * @example
 * return awsJson(200, { executionSummaries: [] }, newRequestId());
 */
export function awsJson(
  status: number,
  body: unknown,
  requestId: string,
  headers: Record<string, string> = {},
): PlainResponse {
  return {
    status,
    headers: {
      "content-type": "application/json",
      [requestIdHeader]: requestId,
      date: new Date().toUTCString(),
      ...headers,
    },
    body: JSON.stringify(body),
  };
}

/**
 * An AWS error response: the status the spec declares for `name`, `x-amzn-ErrorType: <name>` and `{"message"}`.
 *
 * @example
 * return awsError("ResourceNotFoundException", "Job fw-1 does not exist.", requestId); // 404
 */
export function awsError(name: AwsErrorName, message: string, requestId: string): PlainResponse {
  return awsJson(statusForError(name), { message }, requestId, { [errorTypeHeader]: name });
}
