import { expect } from "vitest";
import { type IotJobsMock, TEST_CREDENTIALS } from "../../src/node/index.js";
import type { AuthVariant, Draft } from "./requests.js";
import { accessKeyOf, wire } from "./requests.js";
import type { Observed } from "./spec-check.js";

/** What a strict mock answers to each authentication variant: an AWS 403 type, or nothing (it proceeds). */
const strictRefusals: Record<AuthVariant, string | undefined> = {
  unsigned: "MissingAuthenticationTokenException",
  otherAccount: "UnrecognizedClientException",
  signed: undefined,
  session: undefined,
  sessionWithoutToken: "UnrecognizedClientException",
  sessionWrongToken: "UnrecognizedClientException",
  wrongSecret: "InvalidSignatureException",
  unknownKey: "UnrecognizedClientException",
  expired: "InvalidSignatureException",
  notYetValid: "InvalidSignatureException",
  wrongRegion: "InvalidSignatureException",
  wrongService: "InvalidSignatureException",
  tamperedDate: "InvalidSignatureException",
  malformed: "InvalidSignatureException",
  denied: "AccessDeniedException",
};

// The wire form of a job's executions per filter and caller, computed once per job (the suites never change their
// jobs). A job that names no account or region shows the caller's in its ARNs.
const expectedPages = new WeakMap<object, Map<string, string[]>>();
function expectedItems(
  job: NonNullable<ReturnType<IotJobsMock["store"]["job"]>>,
  status: string | undefined,
  arnPrefix: string,
) {
  let byStatus = expectedPages.get(job);
  if (!byStatus) {
    byStatus = new Map();
    expectedPages.set(job, byStatus);
  }
  let items = byStatus.get(`${status} ${arnPrefix}`);
  if (!items) {
    items = job
      .list()
      .filter((e) => status === undefined || e.status === status)
      .map((e) => JSON.stringify({ ...wire(e), thingArn: arnPrefix + e.thingName }));
    byStatus.set(`${status} ${arnPrefix}`, items);
  }
  return items;
}

const members = (message: string) => new Set([...message.matchAll(/at '([^']+)' failed/g)].map((m) => m[1]!));

/**
 * Asserts what the service must have answered to a draft, from the request and the store alone, in the
 * service's order: authentication (strict mocks), injected fault, validation, the job, the token, the page.
 * Where AWS's reading of a value is undocumented (`either`), both outcomes are accepted.
 */
export function expectOutcome(mock: IotJobsMock, d: Draft, o: Observed): void {
  const refusal = mock.settings.strictAuth ? strictRefusals[d.auth] : undefined;
  if (refusal !== undefined) {
    expect([o.status, o.errorType]).toEqual([403, refusal]);
    return;
  }
  if (d.fault) {
    expect([o.status, o.errorType]).toEqual(
      d.fault === "throttling" ? [400, "ThrottlingException"] : [503, "ServiceUnavailableException"],
    );
    return;
  }
  const values = { jobId: d.jobId, status: d.status, maxResults: d.maxResults };
  const invalid = Object.entries(values).filter(([, v]) => v?.validity === "invalid");
  const either = Object.entries(values).filter(([, v]) => v?.validity === "either");
  const message = String(o.body.message ?? "");
  if (o.errorType === "InvalidRequestException" && /validation errors? detected/.test(message)) {
    // Every invalid member is named, each with the value as sent; nothing valid is.
    const named = members(message);
    for (const [name, v] of invalid) {
      expect(named, `${name} is named`).toContain(name);
      expect(message).toContain(`Value '${v!.raw}' at '${name}'`);
    }
    for (const name of named) expect([...invalid, ...either].map(([n]) => n)).toContain(name);
    const count = /^(\d+) validation errors? detected: /.exec(message)?.[1];
    expect(Number(count)).toBe(message.split(/; Value '/).length);
    expect(o.status).toBe(400);
    return;
  }
  expect(invalid, `invalid members must be refused, got ${o.status} ${o.errorType}`).toEqual([]);
  const key = accessKeyOf(d, TEST_CREDENTIALS);
  const accountId = key === undefined ? mock.settings.defaultAccountId : mock.accountIdFor(key);
  const region = d.endpoint.region; // the endpoint's region decides (all drafts go to AWS hosts)
  const job = mock.store.job(d.jobId.raw, { accountId, region });
  if (!job) {
    expect([o.status, o.errorType, message]).toEqual([
      404,
      "ResourceNotFoundException",
      `Job ${d.jobId.raw} does not exist.`,
    ]);
    return;
  }
  const tokenFits =
    d.token === undefined ||
    (d.token.kind === "pool" &&
      d.token.entry.jobId === d.jobId.raw &&
      d.token.entry.status === d.status?.raw &&
      d.token.entry.accountId === accountId);
  if (!tokenFits) {
    expect([o.status, o.errorType, message]).toEqual([
      400,
      "InvalidRequestException",
      "The nextToken is not valid for this request.",
    ]);
    return;
  }
  const offset = d.token?.kind === "pool" ? d.token.entry.offset : 0;
  const limit = d.maxResults ? Number(d.maxResults.raw) : mock.settings.defaultPageSize;
  const matching = expectedItems(job, d.status?.raw, job.arnPrefixFor(accountId, region));
  const body = o.body as { executionSummaries?: unknown[]; nextToken?: string };
  expect(o.status, `${o.errorType} ${message}`).toBe(200);
  // Compared as JSON text (members in the service's order) for speed; a difference is shown as a diff.
  const want = matching.slice(offset, offset + limit);
  const got = (body.executionSummaries ?? []).map((e) => JSON.stringify(e));
  if (got.join() !== want.join()) expect(got.map((e) => JSON.parse(e))).toEqual(want.map((e) => JSON.parse(e)));
  expect(typeof body.nextToken === "string", "a token iff more items follow").toBe(offset + limit < matching.length);
}
