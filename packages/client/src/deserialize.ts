import { dateMembers } from "@iot-jobs/spec";
import { type IotJobsException, type ResponseMetadata, serviceExceptions, UnknownServiceException } from "./errors.js";
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
 * Converts a 200 body in place, without a copy: epoch seconds become `Date`s (rounded to the millisecond, as the
 * SDKs do), absent members stay absent, `nextToken: null` is dropped. Throws a SyntaxError on a body that is not
 * the spec's JSON object.
 */
export function toOutput(body: unknown): ListJobExecutionsForJobOutput {
  const page = (body ?? {}) as WirePage;
  if (typeof page !== "object" || Array.isArray(page)) throw new SyntaxError("not a JSON object");
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
