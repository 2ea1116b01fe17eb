import type { responses as specResponses } from "@iot-jobs/spec";
import type { Observed } from "./spec-check.js";

/** A recognisable kind of real response that one named example of the spec stands for. */
export interface Category {
  /** The HTTP status of the example's response. */
  readonly status: string;
  /** The `x-amzn-ErrorType` of that kind of answer (errors only); the spec's header pattern must accept it. */
  readonly errorType?: string;
  /** What a response of this kind looks like, in words (the coverage table prints it). */
  readonly looksLike: string;
  /** Whether an observed response is of this kind. */
  matches(o: Observed): boolean;
}

type Page = { executionSummaries?: unknown[]; nextToken?: string | null };
const items = (o: Observed) => ((o.body as Page).executionSummaries ?? []).length;
const token = (o: Observed) => typeof (o.body as Page).nextToken === "string";
const message = (o: Observed) => String(o.body.message ?? "");
const error = (status: string, errorType: string, looksLike: string, test: (o: Observed) => boolean = () => true) => ({
  status,
  errorType,
  looksLike,
  matches: (o: Observed) => String(o.status) === status && o.errorType?.split(":")[0] === errorType && test(o),
});

/**
 * The category of every named example the spec carries (`responses[status].examples`), by example name. A new
 * example in the spec without an entry here makes {@link exampleCategories} throw, so the coverage report cannot
 * silently leave it out.
 */
export const categories: Readonly<Record<string, Category>> = {
  firstPage: {
    status: "200",
    looksLike: "items and a nextToken",
    matches: (o) => o.status === 200 && items(o) > 0 && token(o),
  },
  lastPage: {
    status: "200",
    looksLike: "items, no nextToken",
    matches: (o) => o.status === 200 && items(o) > 0 && !token(o),
  },
  emptyPage: { status: "200", looksLike: "no items", matches: (o) => o.status === 200 && items(o) === 0 },
  invalidMaxResults: error("400", "InvalidRequestException", "validation error naming maxResults", (o) =>
    /^\d+ validation errors? detected: .*at 'maxResults' failed to satisfy constraint/.test(message(o)),
  ),
  invalidNextToken: error(
    "400",
    "InvalidRequestException",
    "the nextToken is refused",
    (o) => /\bnextToken\b/.test(message(o)) && !/validation errors? detected/.test(message(o)),
  ),
  throttled: error("400", "ThrottlingException", "ThrottlingException"),
  jobNotFound: error("404", "ResourceNotFoundException", "ResourceNotFoundException: Job … does not exist.", (o) =>
    /^Job [^ ]* does not exist\.$/.test(message(o)),
  ),
  serviceUnavailable: error("503", "ServiceUnavailableException", "ServiceUnavailableException"),
  invalidSignature: error("403", "InvalidSignatureException", "InvalidSignatureException"),
  unrecognizedClient: error("403", "UnrecognizedClientException", "UnrecognizedClientException"),
  accessDenied: error("403", "AccessDeniedException", "AccessDeniedException: User … is not authorized", (o) =>
    /^User: .* is not authorized to perform: iot:ListJobExecutionsForJob on resource: /.test(message(o)),
  ),
};

/** One (status × named example) pair of the spec and its category. */
export interface ExampleRow {
  readonly status: string;
  readonly example: string;
  readonly category: Category;
}

type Responses = Readonly<
  Record<string, { readonly headers: object; readonly examples: Readonly<Record<string, unknown>> }>
>;

/**
 * Pairs every named example of `responses` (the spec's, or a variant of it in a test) with its category, and
 * checks the pairing against the spec itself: the category is for the example's status, its error type is one
 * the status's `x-amzn-ErrorType` pattern accepts, and it recognises the example's own body. Throws an Error
 * listing every example without a category and every mismatch.
 */
export function exampleCategories(
  responses: Responses | typeof specResponses,
  table: Readonly<Record<string, Category>> = categories,
): ExampleRow[] {
  const rows: ExampleRow[] = [];
  const problems: string[] = [];
  for (const [status, response] of Object.entries(responses as Responses)) {
    const header = (response.headers as Record<string, { schema: { pattern?: string } }>)["x-amzn-ErrorType"];
    for (const [example, body] of Object.entries(response.examples)) {
      const category = Object.hasOwn(table, example) ? table[example] : undefined;
      if (!category) {
        problems.push(`${status} example "${example}" has no category: add one to test/contract/categories.ts`);
        continue;
      }
      if (category.status !== status) problems.push(`${status} "${example}": its category is for ${category.status}`);
      const pattern = header?.schema.pattern;
      if ((category.errorType === undefined) !== (pattern === undefined)) {
        problems.push(`${status} "${example}": error type ${category.errorType} vs header pattern ${pattern}`);
      } else if (pattern !== undefined && !new RegExp(pattern).test(category.errorType!)) {
        problems.push(`${status} "${example}": ${category.errorType} does not match ${pattern}`);
      }
      const own: Observed = {
        status: Number(status),
        errorType: category.errorType,
        requestId: "example",
        body: body as Record<string, unknown>,
      };
      if (!category.matches(own)) problems.push(`${status} "${example}": its category does not recognise the example`);
      rows.push({ status, example, category });
    }
  }
  if (problems.length > 0) throw new Error(`examples and categories disagree:\n- ${problems.join("\n- ")}`);
  return rows;
}

/** The key of a response that no example stands for: status, error type, and the members a validation names. */
export function unnamedKey(o: Observed): string {
  const members = [...message(o).matchAll(/at '([^']+)'/g)].map((m) => m[1]);
  const named = members.length > 0 ? ` (${[...new Set(members)].join(", ")})` : "";
  return `${o.status} ${o.errorType ?? (items(o) > 0 ? "page" : "empty")}${named}`;
}
