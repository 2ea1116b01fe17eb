import { dateMembers, outputSchema } from "@iot-jobs/spec";
import {
  DeserializationError,
  type IotJobsException,
  P,
  type ResponseMetadata,
  serviceExceptions,
  UnknownServiceException,
} from "./errors.js";
import { findBreach, invalid } from "./find-breach.js";
import { classify } from "./retry.js";
import type { ListJobExecutionsForJobOutput } from "./types.js";

type ErrorBody = { message?: unknown; code?: unknown; __type?: unknown };
type WirePage = { executionSummaries?: { jobExecutionSummary?: Record<string, unknown> }[]; nextToken?: unknown };

/** `$metadata` from the last response (if any) and the call's counters. */
export const metadata = (response: Response | undefined, counts: object): ResponseMetadata =>
  ({
    httpStatusCode: response?.status,
    requestId: response?.headers.get("x-amzn-requestid") ?? undefined,
    ...counts,
  }) as ResponseMetadata;

/**
 * Checks a 200 body against the spec's response schema (`findBreach`), then converts it in place, without a copy: epoch seconds
 * become `Date`s (rounded to the millisecond, as the SDKs do), absent members stay absent, `nextToken: null` is
 * dropped. Throws a `DeserializationError` naming the path of the first member that breaks the schema.
 */
export function toOutput(body: unknown): ListJobExecutionsForJobOutput {
  const found = findBreach(body, outputSchema, "");
  if (found) {
    const [path, constraint, value] = found;
    throw new DeserializationError({ message: P + invalid(`response ${path || "body"}`, value, constraint), path });
  }
  const page = body as WirePage;
  for (const { jobExecutionSummary: summary } of page.executionSummaries ?? []) {
    for (const member of summary ? dateMembers : []) {
      const seconds = (summary as Record<string, number>)[member];
      if (seconds != null) (summary as Record<string, Date>)[member] = new Date(Math.round(seconds * 1000));
    }
  }
  if (page.nextToken === null) delete page.nextToken;
  return page as ListJobExecutionsForJobOutput;
}

/**
 * Turns an error response into its typed error. The type comes from `x-amzn-ErrorType`, else the body's
 * `code`/`__type`, cleaned as the SDKs do: cut at the first `,` or `:`, drop a `namespace#` prefix. Without a
 * message, the start of a non-JSON body (an HTML page from a proxy, say) is the message.
 */
export function toServiceError(response: Response, body: unknown): IotJobsException {
  const fields: ErrorBody = body && typeof body === "object" ? body : {};
  const raw = response.headers.get("x-amzn-errortype") ?? fields.code ?? fields.__type;
  const code = raw == null ? undefined : String(raw).split(/[,:]/)[0]?.replace(/^.*#/, "");
  const { status } = response;
  const { message } = fields;
  return new (serviceExceptions[code as string] ?? UnknownServiceException)({
    message:
      typeof message === "string"
        ? message
        : `HTTP ${status} ${typeof body === "string" ? body.slice(0, 200) : (code ?? "")}`.trim(),
    code,
    $fault: status > 499 ? "server" : undefined,
    $retryable: classify(status, code),
  });
}
