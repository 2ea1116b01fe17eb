import { getResponse, type HttpHandler } from "msw";
import { FixtureError } from "./errors.js";
import {
  type CredentialRegistry,
  credentialRegistry,
  DEFAULT_ACCOUNT_ID,
  type MockCredentials,
  TEST_CREDENTIALS,
} from "./request/auth/credentials.js";
import {
  answerListJobExecutionsForJob,
  type HandlerContext,
  handleListJobExecutionsForJob,
  type RequestRecord,
} from "./request/handler.js";
import type { Answer, PlainRequest } from "./request/http/plain.js";
import { TokenCodec } from "./request/paging/token.js";
import * as validators from "./request/validation/generated/validators.gen.js";
import { type ClockOptions, createClock, type MockClock } from "./state/clock/clock.js";
import { createFaults, type Faults } from "./state/faults/faults.js";
import { applySeed, type SeedDocument } from "./state/fixtures/seed.js";
import { MAX_FLEET_COUNT } from "./state/fixtures/seed-schema.js";
import { checkSchema } from "./state/store/check.js";
import type { MockJob } from "./state/store/job.js";
import { MockStore } from "./state/store/store.js";

/**
 * The page size when a request has no `maxResults`. AWS does not document its own; the mocks use 100.
 *
 * @example
 * createIotJobsMock({ defaultPageSize: DEFAULT_PAGE_SIZE / 2 });
 */
export const DEFAULT_PAGE_SIZE = 100;

/**
 * The default cap on executions per mock (about 300 MB of fleet): one largest seedable fleet, not ten.
 *
 * @example
 * createIotJobsMock({ maxExecutions: DEFAULT_MAX_EXECUTIONS / 10 });
 */
export const DEFAULT_MAX_EXECUTIONS = MAX_FLEET_COUNT;

/** Answers a plain request on any host, for servers of this package; `undefined` if it is not the operation. */
type AnyHostAnswer = (request: PlainRequest) => Promise<Answer | undefined>;
const anyHostAnswers = new WeakMap<IotJobsMock, AnyHostAnswer>();

/**
 * The operation's answer function of a mock, on any host: what the standalone server calls for each request,
 * without building fetch objects. Package-internal (not exported from the entry points).
 *
 * @example
 * const answer = anyHostAnswerOf(mock);
 */
export function anyHostAnswerOf(mock: IotJobsMock): AnyHostAnswer {
  const answer = anyHostAnswers.get(mock);
  if (!answer) throw new TypeError("[@iot-jobs/mocks] not a mock made by createIotJobsMock");
  return answer;
}

/**
 * Options of {@link createIotJobsMock}. Every field is optional.
 *
 * @example
 * createIotJobsMock({ baseUrl: "http://localhost:4010", defaultPageSize: 50, strictAuth: true });
 */
export interface IotJobsMockOptions {
  /** Base URL(s) to answer on besides every AWS IoT endpoint, e.g. a gateway: `https://gw.example/iot`. */
  readonly baseUrl?: string | readonly string[];
  /** Answer on every host (what the standalone server does). @default false */
  readonly anyHost?: boolean;
  /** Page size when `maxResults` is absent (the spec's 1..250). @default 100 ({@link DEFAULT_PAGE_SIZE}) */
  readonly defaultPageSize?: number;
  /**
   * The region of requests that show none (unsigned, to a base URL or the standalone server), and in the ARNs the
   * store's own reads show for jobs that name none. When set, strict auth also refuses credential scopes for other
   * regions on base URLs and the standalone server, as a regional AWS endpoint does (on AWS hosts the host's region
   * decides). @default "us-east-1"
   */
  readonly region?: string;
  /** Account of unsigned requests (fixtures that name no account are visible to every account). @default "123456789012" */
  readonly defaultAccountId?: string;
  /** Known credentials: access key → account, and the secrets strict auth verifies. @default [TEST_CREDENTIALS] */
  readonly credentials?: readonly MockCredentials[];
  /** Verify SigV4 signatures with `credentials` and refuse bad ones with AWS's 403s. @default false */
  readonly strictAuth?: boolean;
  /** How far `X-Amz-Date` may be from the wall clock in strict mode. @default 300000 (5 minutes, as AWS) */
  readonly maxSkewMs?: number;
  /** The simulated clock, or options for a new one. @default a clock that follows the system time */
  readonly clock?: MockClock | ClockOptions;
  /** HMAC secret of the `nextToken`s (fixed: tokens stay valid across mocks). @default random per mock */
  readonly tokenSecret?: string;
  /** Data to seed at creation (see {@link SeedDocument}). */
  readonly seed?: SeedDocument;
  /** How many requests `history` keeps (oldest dropped first). @default 1000 */
  readonly historyLimit?: number;
  /**
   * How many executions the mock holds at most, over every job and account (each job counts at least 256, its memory): a seed or
   * `createJob` past it throws a `FixtureError` and changes nothing. @default 10000000 ({@link DEFAULT_MAX_EXECUTIONS})
   */
  readonly maxExecutions?: number;
}

/**
 * A stateful fake of ListJobExecutionsForJob: MSW handlers plus the state and the controls behind them.
 *
 * @example
 * const mock = createIotJobsMock();
 * const server = setupServer(...mock.handlers);
 */
export interface IotJobsMock {
  /** The MSW request handlers; pass them to `setupServer`, `setupWorker` or `server.use`. */
  readonly handlers: readonly HttpHandler[];
  /** The jobs and executions, by account. */
  readonly store: MockStore;
  /** Fault injection (throttling, 503, latency, dropped connections). */
  readonly faults: Faults;
  /** The simulated clock (fixture timestamps, lifecycle changes, rollouts). */
  readonly clock: MockClock;
  /** The last requests answered, oldest first. */
  readonly history: readonly RequestRecord[];
  /** The effective settings. */
  readonly settings: {
    readonly defaultPageSize: number;
    readonly region: string;
    readonly defaultAccountId: string;
    readonly strictAuth: boolean;
  };
  /**
   * Answers a fetch `Request` with the handlers, without MSW's interception (`undefined` if no handler matches).
   * With `anyHost`, the operation is answered on any host (the standalone server does that).
   */
  handle(request: Request, how?: { readonly anyHost?: boolean }): Promise<Response | undefined>;
  /** Seeds jobs and scenarios from a seed document (checked first; all or nothing). */
  seed(doc: SeedDocument | unknown): MockJob[];
  /** The account an access key id maps to (configured, else derived). */
  accountIdFor(accessKeyId: string): string;
  /**
   * Restores the mock as `createIotJobsMock` returned it: jobs, faults and history cleared, the `seed` option's
   * jobs seeded again, and the clock back at its start with nothing scheduled (a clock passed in as `clock` is
   * yours and is left alone). Tokens issued before are refused. Call it after each test, next to MSW's
   * `server.resetHandlers()` (which only drops `server.use` overrides).
   *
   * @example
   * afterEach(() => { server.resetHandlers(); mock.reset(); });
   */
  reset(): void;
}

/**
 * Creates the mock. Handlers match every AWS IoT endpoint (all regions, `aws` and `aws-cn`, FIPS) and the
 * configured base URLs; anything else is left to MSW's `onUnhandledRequest`.
 *
 * @example
 * const mock = createIotJobsMock({ clock: { now: "2026-11-29T08:00:00Z" } });
 * mock.store.createJob({ jobId: "fw-1", fleet: { count: 1_000 } });
 * mock.faults.inject({ type: "throttling" }, { times: 1 });
 */
export function createIotJobsMock(options: IotJobsMockOptions = {}): IotJobsMock {
  const defaultPageSize = options.defaultPageSize ?? DEFAULT_PAGE_SIZE;
  checkSchema("defaultPageSize", defaultPageSize, validators.maxResultsParameter);
  const defaultAccountId = options.defaultAccountId ?? DEFAULT_ACCOUNT_ID;
  if (!/^\d{12}$/.test(defaultAccountId))
    throw new FixtureError("defaultAccountId", defaultAccountId, "must be a 12-digit account id");
  const region = options.region ?? "us-east-1";
  if (typeof region !== "string" || !/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region))
    throw new FixtureError("region", region, "must be a region name such as us-east-1");
  const registry: CredentialRegistry = credentialRegistry(options.credentials ?? [TEST_CREDENTIALS]);
  const clockGiven = options.clock !== undefined && "now" in options.clock && typeof options.clock.now === "function";
  const clock = clockGiven ? (options.clock as MockClock) : createClock(options.clock as ClockOptions);
  const maxExecutions = options.maxExecutions ?? DEFAULT_MAX_EXECUTIONS;
  if (!Number.isSafeInteger(maxExecutions) || maxExecutions < 1)
    throw new FixtureError("maxExecutions", maxExecutions, `must be an integer from 1 to ${Number.MAX_SAFE_INTEGER}`);
  const store = new MockStore({
    clock,
    defaultAccountId,
    defaultRegion: region,
    accountIdFor: registry.accountIdFor,
    maxExecutions,
  });
  const faults = createFaults((scope, field) => store.accountOf(scope, field));
  const historyLimit = options.historyLimit ?? 1000;
  let history: RequestRecord[] = [];
  const baseUrls = (typeof options.baseUrl === "string" ? [options.baseUrl] : (options.baseUrl ?? [])).map((u, i) => {
    let url: URL | undefined;
    try {
      url = new URL(u);
    } catch {}
    if (url?.protocol !== "http:" && url?.protocol !== "https:") {
      throw new FixtureError(`baseUrl[${i}]`, u, "must be an absolute http(s) URL such as http://localhost:4010");
    }
    return url;
  });
  const strictAuth = options.strictAuth ?? false;
  const tokens = new TokenCodec(options.tokenSecret);
  const context = (anyHost: boolean): HandlerContext => ({
    route: { baseUrls, anyHost },
    auth: {
      strict: strictAuth,
      registry,
      defaultAccountId,
      now: () => Date.now(),
      maxSkewMs: options.maxSkewMs ?? 300_000,
      // Only a region the caller chose is enforced on scopes; the default merely names ARNs.
      ...(options.region !== undefined ? { region: options.region } : {}),
    },
    store,
    faults,
    clock,
    tokens,
    defaultPageSize,
    defaultRegion: region,
    record(entry) {
      history.push(entry);
      if (history.length >= 2 * historyLimit) history = history.slice(-historyLimit); // amortized O(1)
    },
  });
  const handlers = [handleListJobExecutionsForJob(context(options.anyHost ?? false))];
  // The same handler on every host, for servers that answer whatever host the client dialled (built on demand).
  let anyHostHandlers: HttpHandler[] | undefined;
  const mock: IotJobsMock = {
    handlers,
    store,
    faults,
    clock,
    get history() {
      return history.length > historyLimit ? history.slice(-historyLimit) : history;
    },
    settings: { defaultPageSize, region, defaultAccountId, strictAuth },
    handle(request, how = {}) {
      if (!how.anyHost) return getResponse(handlers, request);
      anyHostHandlers ??= [handleListJobExecutionsForJob(context(true))];
      return getResponse(anyHostHandlers, request);
    },
    seed: (doc) => applySeed(store, doc),
    accountIdFor: registry.accountIdFor,
    reset() {
      store.clear(); // stops rollouts before the clock drops their tasks
      faults.clear();
      history = [];
      if (!clockGiven) clock.reset?.();
      if (options.seed !== undefined) applySeed(store, options.seed);
    },
  };
  anyHostAnswers.set(mock, answerListJobExecutionsForJob(context(true)));
  if (options.seed !== undefined) mock.seed(options.seed);
  return mock;
}
