import type { IotJobsMock } from "../core/create-iot-jobs-mock.js";
import { FixtureError, IllegalTransitionError, IotJobsMockError, SeedError } from "../core/errors.js";
import { errorTypeHeader, type JobExecutionStatus } from "../core/spec.js";
import type { FaultOptions, FaultScope, FaultSpec } from "../core/state/faults/types.js";
import type { AccountScope } from "../core/state/store/types.js";

/**
 * The path prefix of the control API; AWS paths never start with it.
 *
 * @example
 * await fetch(`${url}${CONTROL_PREFIX}/reset`, { method: "POST" });
 */
export const CONTROL_PREFIX = "/_mock";

type Body = Record<string, unknown>;
type Route = (mock: IotJobsMock, body: Body, query: URLSearchParams) => unknown;

// Errors carry `x-amzn-ErrorType` like the operation's, so one client-side check covers both APIs.
const errorTypes: Record<number, string> = {
  400: "InvalidRequestException",
  404: "ResourceNotFoundException",
  405: "MethodNotAllowedException",
  409: "ConflictException",
};
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: {
      "content-type": "application/json",
      ...(errorTypes[status] ? { [errorTypeHeader]: errorTypes[status] } : {}),
    },
  });
const pickDefined = (source: Body, keys: readonly string[]) =>
  Object.fromEntries(keys.filter((k) => source[k] !== undefined).map((k) => [k, source[k]]));
const scopeOf = (source: Body): AccountScope & FaultScope => pickDefined(source, ["accountId", "accessKeyId", "jobId"]);
const queryScope = (query: URLSearchParams): Body => Object.fromEntries(query);
const jobOf = (mock: IotJobsMock, body: Body) => {
  const scope = { ...scopeOf(body), ...pickDefined(body, ["region"]) };
  const job = mock.store.job(String(body.jobId), scope);
  if (!job) throw new FixtureError("jobId", body.jobId, `does not exist for account ${mock.store.accountOf(scope)}`);
  return job;
};
// `null` account or region: the job is visible to every account, or in every region.
const describeJob = (job: ReturnType<IotJobsMock["store"]["jobs"]>[number]) => ({
  jobId: job.jobId,
  accountId: job.accountId ?? null,
  region: job.region ?? null,
  size: job.size,
  counts: job.counts(),
  rollout: job.rollout ? { done: job.rollout.done, stopped: job.rollout.stopped } : null,
});

// Method + path → action. Every action answers JSON; bad input throws and becomes a 400 (409 for lifecycle).
const routes: Record<string, Route> = {
  "GET /health": (mock) => ({ status: "ok", now: new Date(mock.clock.now()).toISOString(), ...mock.settings }),
  // Without an account: every job; with one (and a region): the jobs that caller sees.
  "GET /jobs": (mock, _b, q) => {
    const scope = { ...scopeOf(queryScope(q)), ...pickDefined(queryScope(q), ["region"]) };
    const all = scope.accountId === undefined && scope.accessKeyId === undefined;
    return { jobs: (all ? mock.store.all() : mock.store.jobs(scope)).map(describeJob) };
  },
  "POST /seed": (mock, body) => ({ jobs: mock.seed(body).map(describeJob) }),
  "POST /reset": (mock, body) => {
    const scope = scopeOf(body);
    if (scope.accountId === undefined && scope.accessKeyId === undefined) {
      // A server's full reset is a fresh start: its clock goes back too, even one passed in (first, so that the
      // rollouts of the jobs mock.reset() seeds again keep their schedule).
      mock.clock.reset?.();
      mock.reset();
    } else {
      mock.store.clear(scope);
      mock.faults.clear(scope);
    }
    return { reset: scope.accountId ?? scope.accessKeyId ?? "all" };
  },
  "GET /faults": (mock) => ({ faults: mock.faults.list() }),
  "POST /faults": (mock, body) => {
    const scope = scopeOf(body);
    const rule = Array.isArray(body.script)
      ? mock.faults.script(body.script as (FaultSpec | null)[], scope)
      : mock.faults.inject(
          body.fault as FaultSpec,
          { ...scope, ...pickDefined(body, ["times", "rate", "seed"]) } as FaultOptions,
        );
    return mock.faults.list().find((r) => r.id === rule.id);
  },
  "DELETE /faults": (mock, body, q) => {
    const scope = scopeOf({ ...queryScope(q), ...body });
    mock.faults.clear(Object.keys(scope).length > 0 ? scope : undefined);
    return { faults: mock.faults.list() };
  },
  "GET /clock": (mock) => ({ now: new Date(mock.clock.now()).toISOString(), frozen: mock.clock.frozen }),
  "POST /clock/advance": (mock, body) => ({ now: new Date(mock.clock.advance(body.ms as number)).toISOString() }),
  "POST /executions/transition": (mock, body) =>
    jobOf(mock, body).transition(String(body.thingName), body.status as JobExecutionStatus),
  "POST /executions/retry": (mock, body) => jobOf(mock, body).retry(String(body.thingName)),
  "GET /history": (mock) => ({ requests: mock.history }),
};

/** How deep a control body may nest: seeds need 5 levels; validators and messages recurse on deeper input. */
const MAX_NESTING = 64;

/** The deepest nesting of `[`/`{` in JSON text (outside strings), found in one pass before parsing. */
function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) max = Math.max(max, ++depth);
    else if (c === 0x5d || c === 0x7d) depth--;
  }
  return max;
}

/**
 * Answers the control API (under `/_mock`) that lets another process (python, a shell, CI) drive a standalone
 * server: seed, reset, inject faults, advance the clock, move executions, read history. Returns `undefined` for
 * any other path. Bodies are JSON; errors answer `{ message, issues? }` with 400 (409 for an illegal transition).
 *
 * @example
 * // curl -X POST localhost:4010/_mock/faults -d '{"fault":{"type":"throttling"},"times":2}'
 * const response = await handleControlRequest(mock, request);
 */
export async function handleControlRequest(mock: IotJobsMock, request: Request): Promise<Response | undefined> {
  const url = new URL(request.url);
  if (url.pathname !== CONTROL_PREFIX && !url.pathname.startsWith(`${CONTROL_PREFIX}/`)) return undefined;
  const path = url.pathname.slice(CONTROL_PREFIX.length) || "/";
  mock.clock.tick(); // an unfrozen clock moves rollouts on as wall time passes: show their current state
  const route = routes[`${request.method} ${path}`];
  if (!route) {
    const known = Object.keys(routes).filter((r) => r.endsWith(` ${path}`));
    if (known.length > 0)
      return json(405, {
        message: `${request.method} is not allowed on ${url.pathname} (use ${known.map((r) => r.split(" ")[0]).join(", ")})`,
      });
    return json(404, {
      message: `No control route ${url.pathname}; known: ${Object.keys(routes)
        .map((r) => r.replace(" ", ` ${CONTROL_PREFIX}`))
        .join(", ")}`,
    });
  }
  let body: Body = {};
  const text = await request.text();
  if (text.trim().length > 0) {
    if (nestingDepth(text) > MAX_NESTING)
      return json(400, { message: `body nests deeper than ${MAX_NESTING} levels; no control input needs that` });
    try {
      body = JSON.parse(text);
    } catch (error) {
      return json(400, { message: `body is not valid JSON: ${(error as Error).message}` });
    }
    if (typeof body !== "object" || body === null || Array.isArray(body))
      return json(400, { message: "body must be a JSON object" });
  }
  try {
    const result = route(mock, body, url.searchParams);
    return json(request.method === "POST" && (path === "/seed" || path === "/faults") ? 201 : 200, result);
  } catch (error) {
    if (error instanceof IllegalTransitionError) return json(409, { message: error.message });
    if (error instanceof SeedError) return json(400, { message: error.message, issues: error.issues });
    if (error instanceof FixtureError) return json(400, { message: error.message, field: error.field });
    if (error instanceof IotJobsMockError) return json(400, { message: error.message });
    throw error;
  }
}
