/**
 * Facts the mocks take from the spec package, shaped for routing and responses. Nothing here is a
 * second copy: route, method, parameters, statuses and header names all come from the generated module.
 */

import type { JobExecutionStatus, ModeledErrorName } from "@iot-jobs/spec";
import { jobExecutionStatuses, operation, parameters, responses, servers, signingName } from "@iot-jobs/spec";

export type { JobExecutionStatus, ModeledErrorName };
export { jobExecutionStatuses, operation, parameters, responses, servers, signingName };

/** Errors every AWS endpoint may answer with a 403, beyond the operation's model. */
export type AuthErrorName =
  | "MissingAuthenticationTokenException"
  | "UnrecognizedClientException"
  | "InvalidSignatureException"
  | "AccessDeniedException";

/** Every error type the mocks can answer with. */
export type AwsErrorName = ModeledErrorName | AuthErrorName;

type Parameter = (typeof parameters)[number];
type HeaderSpec = { readonly required: boolean; readonly schema: { readonly pattern?: string } };
const headersOf = (status: keyof typeof responses) => responses[status].headers as Record<string, HeaderSpec>;

/** The path parameters and the query parameters of the operation, in spec order. */
export const pathParameters: readonly Parameter[] = parameters.filter((p) => p.in === "path");
export const queryParameters: readonly Parameter[] = parameters.filter((p) => p.in === "query");

/**
 * `/jobs/{jobId}/things` as an MSW path (`/jobs/:jobId/things`), for teams that write their own overrides.
 *
 * @example
 * server.use(http.get(`https://iot.us-east-1.amazonaws.com${mswPath}`, () => HttpResponse.json({ executionSummaries: [] })));
 */
export const mswPath: string = operation.path.replace(/\{([^}]+)\}/g, ":$1");

/** Matches a pathname against the operation's path template; one capture group per path parameter. */
export const routePattern: RegExp = new RegExp(
  `^${operation.path.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[^}]+\}/g, "([^/]*)")}$`,
);
/** Names of the path parameters, in the order of `routePattern`'s capture groups. */
export const routeParameterNames: readonly string[] = [...operation.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);

/** The request-id header every response carries (`x-amzn-RequestId`), as the spec spells it. */
export const requestIdHeader: string = Object.keys(headersOf("200")).find((h) => /requestid/i.test(h))!;
/** The header that carries an error's type (`x-amzn-ErrorType`), as the spec spells it. */
export const errorTypeHeader: string = Object.keys(headersOf("400")).find((h) => /errortype/i.test(h))!;

const errorStatuses = new Map<string, number>();
/**
 * The HTTP status the spec declares for an error type: the status whose `x-amzn-ErrorType` header pattern
 * accepts the name (400 for both InvalidRequestException and ThrottlingException, 403, 404, 503).
 */
export function statusForError(name: AwsErrorName): number {
  const known = errorStatuses.get(name);
  if (known !== undefined) return known;
  for (const status of Object.keys(responses) as (keyof typeof responses)[]) {
    const pattern = headersOf(status)[errorTypeHeader]?.schema.pattern;
    if (pattern !== undefined && new RegExp(pattern).test(name)) {
      errorStatuses.set(name, Number(status));
      return Number(status);
    }
  }
  throw new Error(`[@iot-jobs/mocks] the spec declares no response for error type ${name}`);
}

/** The example message the spec gives for a response, by status and example name (e.g. 400 `throttled`). */
export function exampleMessage(status: "400" | "403" | "404" | "503", example: string): string {
  const examples = responses[status].examples as Record<string, { message: string }>;
  return examples[example]!.message;
}
