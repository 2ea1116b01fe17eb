import { type AwsErrorName, exampleMessage } from "../../spec.js";
import { awsError } from "./aws-response.js";
import { toResponse } from "./plain.js";
import { newRequestId } from "./request-id.js";

/**
 * Options of {@link awsErrorResponse}.
 *
 * @example
 * const options: AwsErrorResponseOptions = { message: "Job fw-9 does not exist." };
 */
export interface AwsErrorResponseOptions {
  /** The body's `message`. @default the spec's example message of the type (e.g. "Rate exceeded"), else the type */
  readonly message?: string;
  /** The `x-amzn-RequestId` header. @default a new random UUID */
  readonly requestId?: string;
}

// The spec's example messages, by the error type they illustrate.
const examples: Partial<Record<AwsErrorName, () => string>> = {
  ThrottlingException: () => exampleMessage("400", "throttled"),
  ServiceUnavailableException: () => exampleMessage("503", "serviceUnavailable"),
  InvalidSignatureException: () => exampleMessage("403", "invalidSignature"),
  UnrecognizedClientException: () => exampleMessage("403", "unrecognizedClient"),
};

/**
 * An error response exactly as the mock (and AWS IoT) sends it, for your own MSW overrides: the status the spec
 * declares for the type (400 for ThrottlingException and InvalidRequestException, 403, 404, 503),
 * `x-amzn-ErrorType`, `x-amzn-RequestId`, a `Date` and a JSON `{ "message" }` body. The SDKs and this toolkit's client
 * read it as the typed error.
 *
 * @example
 * server.use(
 *   http.get(`*${mswPath}`, () => awsErrorResponse("ThrottlingException"), { once: true }),
 * );
 */
export function awsErrorResponse(type: AwsErrorName, options: AwsErrorResponseOptions = {}): Response {
  const message = options.message ?? examples[type]?.() ?? type;
  return toResponse(awsError(type, message, options.requestId ?? newRequestId()));
}
