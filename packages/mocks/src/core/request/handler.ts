import { HttpHandler } from "msw";
import { errorTypeHeader, exampleMessage, jobExecutionStatuses, operation } from "../spec.js";
import type { MockClock } from "../state/clock/clock.js";
import type { Faults } from "../state/faults/faults.js";
import type { MockStore } from "../state/store/store.js";
import { type AuthContext, authenticate } from "./auth/authenticate.js";
import { awsError, awsJson } from "./http/aws-response.js";
import { partitionOf } from "./http/endpoints.js";
import { type Answer, type PlainRequest, plainRequest, toResponse } from "./http/plain.js";
import { newRequestId } from "./http/request-id.js";
import { createRouteMatcher, type RouteOptions } from "./http/route.js";
import { readPage } from "./paging/page.js";
import type { TokenCodec } from "./paging/token.js";
import { validateRequest } from "./validation/validate-request.js";

/**
 * One request the mock answered, for assertions (`mock.history`).
 *
 * @example
 * expect(mock.history.map((r) => r.status)).toEqual([400, 400, 200]); // two throttles, then success
 */
export interface RequestRecord {
  readonly requestId: string;
  readonly method: string;
  readonly url: string;
  /** The account the request was attributed to (absent when authentication refused it). */
  readonly accountId: string | undefined;
  readonly jobId: string | undefined;
  /** The HTTP status, or 0 for a dropped connection. */
  readonly status: number;
  /** `x-amzn-ErrorType` of an error answer. */
  readonly errorType: string | undefined;
  /** The injected fault, if one decided the answer. */
  readonly fault: "throttling" | "unavailable" | "drop" | undefined;
  /**
   * Why the answer may surprise: on a 404 for a job that exists for another account or region, where it exists
   * (`"fw-1 exists in account 111111111111/region eu-west-1; this request is …"`). The response body stays AWS's.
   */
  readonly note?: string;
  readonly at: Date;
}

/**
 * Everything the operation's handler needs from its mock; `createIotJobsMock` builds it.
 *
 * @example
 * const [handler] = createIotJobsMock().handlers; // built from a HandlerContext
 */
export interface HandlerContext {
  readonly route: RouteOptions;
  readonly auth: AuthContext;
  readonly store: MockStore;
  readonly faults: Faults;
  readonly clock: MockClock;
  readonly tokens: TokenCodec;
  readonly defaultPageSize: number;
  readonly defaultRegion: string;
  record(entry: RequestRecord): void;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Answers ListJobExecutionsForJob as the service does, in its order: authentication (403), injected faults,
 * parameter validation (400), the job (404), the token (400), and the page (200); `undefined` when the request
 * does not address the operation (another method, path or host). MSW's handler and the standalone server both
 * answer with it.
 *
 * @example
 * const answer = answerListJobExecutionsForJob(context);
 * await answer(plainRequest(new Request("https://iot.us-east-1.amazonaws.com/jobs/fw-1/things")));
 */
export function answerListJobExecutionsForJob(
  ctx: HandlerContext,
): (request: PlainRequest) => Promise<Answer | undefined> {
  const match = createRouteMatcher(ctx.route);
  return async (request) => {
    const { url } = request;
    const params = request.method === operation.method ? match(url) : undefined;
    if (!params) return undefined;
    const requestId = newRequestId();
    const jobId = params.params.jobId!;
    const base = { requestId, method: request.method, url: url.href, jobId };
    const done = (answer: Answer, accountId: string | undefined, fault?: RequestRecord["fault"], note?: string) => {
      const response = "drop" in answer ? undefined : answer;
      const errorType = response?.headers[errorTypeHeader];
      const record = { ...base, accountId, status: response?.status ?? 0, errorType, fault, at: new Date() };
      ctx.record(note === undefined ? record : { ...record, note });
      return note === undefined || !response ? answer : { ...response, note };
    };

    ctx.clock.tick();
    const who = await authenticate(request, params.endpointRegion, ctx.auth);
    if (!who.ok) return done(awsError(who.error, who.message, requestId), undefined);
    const { accountId, accessKeyId } = who;
    // The caller's region: the endpoint's, else the signature's (a mock on loopback); an unsigned request to a
    // loopback server has none, and sees jobs of every region.
    const region = params.endpointRegion ?? who.signingRegion;
    if (accessKeyId !== undefined && ctx.auth.registry.find(accessKeyId)?.accessDenied) {
      const region = params.endpointRegion ?? ctx.defaultRegion;
      const resource = `arn:${partitionOf(region)}:iot:${region}:${accountId}:job/${jobId}`;
      const message = `User: arn:${partitionOf(region)}:iam::${accountId}:user/${accessKeyId} is not authorized to perform: iot:${operation.operationId} on resource: ${resource}`;
      return done(awsError("AccessDeniedException", message, requestId), accountId);
    }

    const draw = ctx.faults.draw({ accountId, jobId });
    if (draw.latencyMs > 0) await sleep(draw.latencyMs);
    if (draw.fault?.type === "drop") return done({ drop: true }, accountId, "drop");
    if (draw.fault?.type === "throttling") {
      const message = draw.fault.message ?? exampleMessage("400", "throttled");
      return done(awsError("ThrottlingException", message, requestId), accountId, "throttling");
    }
    if (draw.fault?.type === "unavailable") {
      const message = draw.fault.message ?? exampleMessage("503", "serviceUnavailable");
      return done(awsError("ServiceUnavailableException", message, requestId), accountId, "unavailable");
    }

    ctx.clock.tick();
    const valid = validateRequest(params.params, url.searchParams);
    if (!valid.ok) return done(awsError("InvalidRequestException", valid.message, requestId), accountId);
    const { status, maxResults, nextToken } = valid.request;
    const job = ctx.store.visible(jobId, accountId, region);
    if (!job) {
      const notFound = awsError("ResourceNotFoundException", `Job ${jobId} does not exist.`, requestId);
      return done(notFound, accountId, undefined, ctx.store.elsewhere(jobId, accountId, region));
    }

    const filter = status === undefined ? -1 : jobExecutionStatuses.indexOf(status);
    let cursor = 0;
    let end = job.size;
    if (nextToken !== undefined) {
      const p = ctx.tokens.open(nextToken);
      const fits =
        p?.accountId === accountId && p.jobId === jobId && p.incarnation === job.incarnation && p.status === filter;
      if (!p || !fits || !(0 <= p.cursor && p.cursor <= p.end && p.end <= job.size)) {
        const message = exampleMessage("400", "invalidNextToken");
        return done(awsError("InvalidRequestException", message, requestId), accountId);
      }
      ({ cursor, end } = p);
    }
    const arnPrefix = job.arnPrefixFor(accountId, region ?? ctx.defaultRegion);
    const page = readPage(job, { status: filter, cursor, end, limit: maxResults ?? ctx.defaultPageSize, arnPrefix });
    const body: { executionSummaries: unknown[]; nextToken?: string } = { executionSummaries: page.items };
    if (page.next !== undefined) {
      body.nextToken = ctx.tokens.issue({
        accountId,
        jobId,
        incarnation: job.incarnation,
        status: filter,
        cursor: page.next,
        end,
      });
    }
    return done(awsJson(200, body, requestId), accountId);
  };
}

/**
 * The MSW handler of ListJobExecutionsForJob: matches the operation's method and path on every AWS IoT endpoint
 * and the configured base URLs, and answers with {@link answerListJobExecutionsForJob}. Unmatched requests are
 * left to MSW's `onUnhandledRequest`.
 *
 * @example
 * const server = setupServer(handleListJobExecutionsForJob(context));
 */
export function handleListJobExecutionsForJob(ctx: HandlerContext): HttpHandler {
  const match = createRouteMatcher(ctx.route);
  const answer = answerListJobExecutionsForJob(ctx);
  return new HttpHandler(
    operation.method,
    ({ request }) => {
      const found = match(new URL(request.url));
      return found ? { matches: true, params: found.params } : false;
    },
    async ({ request }) => toResponse((await answer(plainRequest(request))) as Answer),
  );
}
