import { jobExecutionStatuses } from "@iot-jobs/spec";
import { NodeSha256 } from "@iot-jobs/test-support/sigv4";
import { SignatureV4 } from "@smithy/signature-v4";
import fc from "fast-check";
import type { IotJobsMock, JobExecution, MockCredentials } from "../../src/node/index.js";
import { endpoints, forgedTokens, parameter, validValues, type WireValue, wireValues } from "./arbitraries.js";

/** A `nextToken` the suite obtained by paging: whose scan it continues and how many items came before it. */
export interface PoolToken {
  readonly token: string;
  readonly jobId: string;
  readonly status: string | undefined;
  readonly offset: number;
}

/** Where a request's `nextToken` comes from. */
export type TokenDraft =
  | { readonly kind: "pool"; readonly raw: string; readonly entry: PoolToken }
  | { readonly kind: "forged" | "corrupted" | "foreign"; readonly raw: string };

/** How a request authenticates. Lenient mocks only read the key's account; strict ones verify. */
export type AuthVariant =
  | "unsigned"
  | "otherAccount"
  | "signed"
  | "session"
  | "sessionWithoutToken"
  | "sessionWrongToken"
  | "wrongSecret"
  | "unknownKey"
  | "expired"
  | "notYetValid"
  | "wrongRegion"
  | "wrongService"
  | "tamperedDate"
  | "malformed"
  | "denied";

/** One generated request, before it is put on the wire. */
export interface Draft {
  readonly jobId: WireValue;
  readonly status?: WireValue;
  readonly maxResults?: WireValue;
  readonly token?: TokenDraft;
  readonly fault?: "throttling" | "unavailable";
  readonly endpoint: { readonly host: string; readonly region: string };
  readonly auth: AuthVariant;
  /** Spaces in the query as `+` (form encoding) rather than `%20`. */
  readonly plus: boolean;
}

/** The credentials of the suite's strict mocks: the default keys, a denied key, temporary keys. */
export const DENIED = { accessKeyId: "AKIDDENIEDCONTRACT", secretAccessKey: "denied-secret", accessDenied: true };
export const SESSION = {
  accessKeyId: "ASIASESSIONCONTRACT",
  secretAccessKey: "session-secret",
  sessionToken: "FwoGZXIvYXdzEC4aDContractSessionToken+/=",
  accountId: "123456789012",
} satisfies MockCredentials;

/** The wire form of a stored execution (epoch seconds; `startedAt` only once started). */
export const wire = (e: JobExecution) => ({
  thingArn: e.thingArn,
  jobExecutionSummary: {
    status: e.status,
    queuedAt: e.queuedAt.getTime() / 1000,
    ...(e.startedAt ? { startedAt: e.startedAt.getTime() / 1000 } : {}),
    lastUpdatedAt: e.lastUpdatedAt.getTime() / 1000,
    executionNumber: e.executionNumber,
    retryAttempt: e.retryAttempt,
  },
});

const encode = (value: string, plus: boolean) =>
  plus ? encodeURIComponent(value).replace(/%20/g, "+") : encodeURIComponent(value);

/** The request URL of a draft: the path parameter and query members percent-encoded. */
export function urlOf(d: Draft): string {
  const query: string[] = [];
  if (d.status) query.push(`status=${encode(d.status.raw, d.plus)}`);
  if (d.maxResults) query.push(`maxResults=${encode(d.maxResults.raw, d.plus)}`);
  if (d.token) query.push(`nextToken=${encode(d.token.raw, d.plus)}`);
  const search = query.length > 0 ? `?${query.join("&")}` : "";
  return `https://${d.endpoint.host}/jobs/${encodeURIComponent(d.jobId.raw)}/things${search}`;
}

type Keys = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
/** Signs a GET with @smithy/signature-v4 (the AWS SDK for JavaScript's signer). */
export async function sign(
  url: string,
  keys: Keys,
  opts: { region: string; service?: string; date?: Date } = { region: "us-east-1" },
): Promise<Record<string, string>> {
  const u = new URL(url);
  const query: Record<string, string | string[]> = {};
  for (const [k, v] of u.searchParams) {
    const previous = query[k];
    query[k] = previous === undefined ? v : [...(Array.isArray(previous) ? previous : [previous]), v];
  }
  const signer = new SignatureV4({
    service: opts.service ?? "iot",
    region: opts.region,
    credentials: keys,
    sha256: NodeSha256,
    applyChecksum: false,
  });
  const signed = await signer.sign(
    { method: "GET", protocol: u.protocol, hostname: u.hostname, path: u.pathname, query, headers: { host: u.host } },
    { signingDate: opts.date ?? new Date() },
  );
  const { host: _host, ...headers } = signed.headers;
  return headers;
}

const HOUR = 3_600_000;
const otherKey = "AKIDOTHERCONTRACT";

/** The headers of a draft's authentication variant. */
export async function authHeaders(d: Draft, url: string, defaults: Keys): Promise<Record<string, string>> {
  const region = d.endpoint.region;
  switch (d.auth) {
    case "unsigned":
      return {};
    case "otherAccount":
      return {
        authorization: `AWS4-HMAC-SHA256 Credential=${otherKey}/20261129/${region}/iot/aws4_request, SignedHeaders=host;x-amz-date, Signature=${"0".repeat(64)}`,
      };
    case "signed":
      return sign(url, defaults, { region });
    case "session":
      return sign(url, SESSION, { region });
    case "sessionWithoutToken":
      return sign(url, { accessKeyId: SESSION.accessKeyId, secretAccessKey: SESSION.secretAccessKey }, { region });
    case "sessionWrongToken":
      return sign(url, { ...SESSION, sessionToken: `${SESSION.sessionToken}x` }, { region });
    case "wrongSecret":
      return sign(url, { ...defaults, secretAccessKey: `${defaults.secretAccessKey}x` }, { region });
    case "unknownKey":
      return sign(url, { accessKeyId: "AKIDUNKNOWNCONTRACT", secretAccessKey: "x" }, { region });
    case "expired":
      return sign(url, defaults, { region, date: new Date(Date.now() - HOUR) });
    case "notYetValid":
      return sign(url, defaults, { region, date: new Date(Date.now() + HOUR) });
    case "wrongRegion":
      return sign(url, defaults, { region: region === "eu-west-1" ? "eu-west-2" : "eu-west-1" });
    case "wrongService":
      return sign(url, defaults, { region, service: "execute-api" });
    case "tamperedDate": {
      const headers = await sign(url, defaults, { region });
      const date = headers["x-amz-date"]!;
      headers["x-amz-date"] = date.replace(/(\d)Z$/, (_, s: string) => `${(Number(s) + 1) % 10}Z`);
      return headers;
    }
    case "malformed":
      return { authorization: "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE" };
    case "denied":
      return sign(url, DENIED, { region });
  }
}

/** The answer a draft gets from the mock's handlers (in-process, no interception). */
export async function send(mock: IotJobsMock, d: Draft, defaults: Keys): Promise<Response | undefined> {
  const url = urlOf(d);
  if (d.fault) mock.faults.script([{ type: d.fault }]);
  try {
    return await mock.handle(new Request(url, { headers: await authHeaders(d, url, defaults) }));
  } finally {
    mock.faults.clear();
  }
}

const base64url = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/** A token altered the ways a careless or malicious client alters one; never the token itself. */
const corrupted = (token: string): fc.Arbitrary<string> =>
  fc
    .oneof(
      fc
        .tuple(fc.nat({ max: token.length - 1 }), fc.constantFrom(...base64url))
        .map(([i, c]) => token.slice(0, i) + c + token.slice(i + 1)),
      fc.constantFrom(token.slice(0, -1), `${token}A`, token.slice(1), token.toUpperCase(), `${token} `),
    )
    .filter((t) => t !== token);

/** The arbitraries of drafts, given the tokens the suite collected from this mock and from a foreign one. */
export function drafts(opts: {
  seededJobIds: readonly string[];
  pool: readonly PoolToken[];
  foreign: readonly string[];
  auth: fc.Arbitrary<AuthVariant>;
  faults: boolean;
}) {
  const jobIdParameter = parameter("jobId");
  const statusParameter = parameter("status");
  const maxResultsParameter = parameter("maxResults");
  const tagged = (raw: string): WireValue => ({ raw, validity: "valid" });
  const endpoint = fc.constantFrom(...endpoints);
  const fault = opts.faults
    ? fc.oneof(
        { weight: 17, arbitrary: fc.constant(undefined) },
        { weight: 2, arbitrary: fc.constant("throttling" as const) },
        { weight: 1, arbitrary: fc.constant("unavailable" as const) },
      )
    : fc.constant(undefined);
  const poolEntry = fc.constantFrom(...opts.pool);
  // "." and ".." are not path segments a URL can carry: WHATWG URL parsing removes them.
  const jobId = fc
    .oneof(
      { weight: 6, arbitrary: fc.constantFrom(...opts.seededJobIds).map(tagged) },
      { weight: 1, arbitrary: validValues(jobIdParameter) },
      { weight: 3, arbitrary: wireValues(jobIdParameter) },
    )
    .filter((v) => v.raw !== "." && v.raw !== "..");
  const token: fc.Arbitrary<TokenDraft> = fc.oneof(
    { weight: 4, arbitrary: poolEntry.map((entry) => ({ kind: "pool" as const, raw: entry.token, entry })) },
    { weight: 3, arbitrary: forgedTokens.map((raw) => ({ kind: "forged" as const, raw })) },
    {
      weight: 3,
      arbitrary: poolEntry.chain((e) => corrupted(e.token)).map((raw) => ({ kind: "corrupted" as const, raw })),
    },
    { weight: 1, arbitrary: fc.constantFrom(...opts.foreign).map((raw) => ({ kind: "foreign" as const, raw })) },
  );
  const optional = <T>(arb: fc.Arbitrary<T>, freq: number) => fc.option(arb, { nil: undefined, freq });
  // Any combination of valid and invalid members, tokens of other jobs and filters, forged ones.
  const freeForm: fc.Arbitrary<Draft> = fc.record({
    jobId,
    status: optional(wireValues(statusParameter), 2),
    maxResults: optional(wireValues(maxResultsParameter), 3),
    token: optional(token, 2),
    fault,
    endpoint,
    auth: opts.auth,
    plus: fc.boolean(),
  });
  // The next page of a scan the suite started: same job and filter, any valid page size.
  const continuation: fc.Arbitrary<Draft> = fc
    .record({
      entry: poolEntry,
      maxResults: optional(validValues(maxResultsParameter), 4),
      fault,
      endpoint,
      auth: opts.auth,
      plus: fc.boolean(),
    })
    .map(({ entry, ...rest }) => ({
      ...rest,
      jobId: tagged(entry.jobId),
      status: entry.status === undefined ? undefined : tagged(entry.status),
      token: { kind: "pool" as const, raw: entry.token, entry },
    }));
  // A first page of a seeded job, every filter.
  const firstPage: fc.Arbitrary<Draft> = fc.record({
    jobId: fc.constantFrom(...opts.seededJobIds).map(tagged),
    status: optional(fc.constantFrom(...jobExecutionStatuses).map(tagged), 1),
    maxResults: optional(validValues(maxResultsParameter), 3),
    fault,
    endpoint,
    auth: opts.auth,
    plus: fc.boolean(),
  });
  return fc.oneof(
    { weight: 6, arbitrary: freeForm },
    { weight: 3, arbitrary: continuation },
    { weight: 2, arbitrary: firstPage },
  );
}
