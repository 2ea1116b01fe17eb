import { FixtureError } from "../../errors.js";
import * as validators from "../../request/validation/generated/validators.gen.js";
import type { MockClock } from "../clock/clock.js";
import { checkKeys, checkObject, checkSchema } from "./check.js";
import { MockJob } from "./job.js";
import type { AccountScope, JobFixture, JobScope } from "./types.js";

/** What the store needs from the mock. */
export interface StoreContext {
  readonly clock: MockClock;
  readonly defaultAccountId: string;
  readonly defaultRegion: string;
  /** The account of an access key id (configured, else derived). */
  accountIdFor(accessKeyId: string): string;
  /** How many executions the store may hold in all (each job counts at least 256). @default Infinity */
  readonly maxExecutions?: number;
}

// An empty job costs about as much memory as 200 fleet executions (measured ~7 kB vs ~37 B): charging each job at
// least this many keeps maxExecutions a memory bound even against a flood of empty jobs.
const JOB_FLOOR = 256;

const jobFields = ["jobId", "accountId", "accessKeyId", "region", "executions", "fleet", "rollout"];
const accountPattern = /^\d{12}$/;
const regionPattern = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const where = (job: MockJob) =>
  `${job.accountId === undefined ? "every account" : `account ${job.accountId}`}/${job.region === undefined ? "every region" : `region ${job.region}`}`;

/**
 * The mock's in-memory data: jobs and their executions. A job is visible to the account its fixture names (every
 * account when it names none) in the region it names (every region when it names none). When several jobs with
 * one id are visible, the most specific wins: the caller's own account before a shared job, a named region before
 * none. Methods take an optional {@link JobScope}; without an account they act as the default account (unsigned
 * requests and `TEST_CREDENTIALS`) sees the data.
 *
 * @example
 * const job = mock.store.createJob({ jobId: "fw-1", fleet: { count: 500 } }); // every key, every region
 * mock.store.job("fw-1", { accessKeyId: "testing" }) === job; // true
 * mock.store.createJob({ jobId: "fw-1", accessKeyId: "AKIDSUITEB" }); // that key's own fw-1 shadows the shared one
 */
export class MockStore {
  // Jobs by id, in creation order; a handful per id at most, so lookups scan the list.
  private readonly byId = new Map<string, MockJob[]>();
  private incarnations = 0;
  // What each job was charged against `maxExecutions` when created, and their sum.
  private readonly charged = new Map<MockJob, number>();
  private chargedTotal = 0;

  constructor(private readonly context: StoreContext) {}

  /**
   * Creates a job with its executions, fleet and rollout. Everything is checked first: on a bad field it throws a
   * {@link FixtureError} naming it, and the store is unchanged.
   *
   * @example
   * mock.store.createJob({ jobId: "fw-1", executions: [{ thingName: "sensor-1", status: "IN_PROGRESS" }] });
   */
  createJob(fixture: JobFixture): MockJob {
    return this.create(fixture, "job");
  }

  /** @internal `createJob` with a field path for error messages (seeds use `jobs[3]`). */
  create(fixture: unknown, field: string): MockJob {
    checkObject(field, fixture);
    checkKeys(field, fixture, jobFields);
    checkSchema(`${field}.jobId`, fixture.jobId, validators.jobIdParameter);
    const named = fixture.accountId !== undefined || fixture.accessKeyId !== undefined;
    const accountId = named ? this.accountOf(fixture as AccountScope, field) : undefined;
    const region = fixture.region;
    if (region !== undefined && (typeof region !== "string" || !regionPattern.test(region)))
      throw new FixtureError(`${field}.region`, region, "must be a region name such as us-east-1");
    const jobId = fixture.jobId as string;
    const same = this.byId.get(jobId)?.find((j) => j.accountId === accountId && j.region === region);
    if (same) throw new FixtureError(`${field}.jobId`, jobId, `already exists in ${where(same)}`);
    const charge = this.chargeOf(fixture, field);
    const job = new MockJob(jobId, {
      clock: this.context.clock,
      accountId,
      region,
      arnDefaults: { accountId: accountId ?? this.context.defaultAccountId, region: this.context.defaultRegion },
      incarnation: ++this.incarnations,
    });
    if (fixture.executions !== undefined) {
      if (!Array.isArray(fixture.executions))
        throw new FixtureError(`${field}.executions`, fixture.executions, "must be an array");
      job.addAll(fixture.executions, `${field}.executions`);
    }
    if (fixture.fleet !== undefined) job.addFleet(fixture.fleet as never, `${field}.fleet`);
    if (fixture.rollout !== undefined) job.startRollout(fixture.rollout as never);
    this.byId.set(jobId, [...(this.byId.get(jobId) ?? []), job]);
    this.charged.set(job, charge);
    this.chargedTotal += charge;
    return job;
  }

  /** Checks a job's planned size against `maxExecutions` before anything is built (a fleet can be millions). */
  private chargeOf(fixture: { executions?: unknown; fleet?: unknown }, field: string): number {
    const listed = Array.isArray(fixture.executions) ? fixture.executions.length : 0;
    const count = (fixture.fleet as { count?: unknown } | undefined)?.count;
    const charge = Math.max(JOB_FLOOR, listed + (typeof count === "number" && count > 0 ? count : 0));
    const max = this.context.maxExecutions ?? Number.POSITIVE_INFINITY;
    if (this.chargedTotal + charge > max) {
      const at = typeof count === "number" ? `${field}.fleet.count` : `${field}.executions`;
      throw new FixtureError(
        at,
        typeof count === "number" ? count : listed,
        `would bring the mock to ${this.chargedTotal + charge} executions (a job counts at least ${JOB_FLOOR}), more than its maxExecutions (${max}); reset or delete jobs first`,
      );
    }
    return charge;
  }

  /** Forgets a job's charge against `maxExecutions`. */
  private release(job: MockJob): void {
    this.chargedTotal -= this.charged.get(job) ?? 0;
    this.charged.delete(job);
  }

  /**
   * The job a caller in `scope` sees, or `undefined`. Without a region, a job in any region (one that names none
   * first).
   *
   * @example
   * mock.store.job("fw-1", { accessKeyId: "AKIDSUITEB", region: "eu-west-1" })?.counts();
   */
  job(jobId: string, scope: JobScope = {}): MockJob | undefined {
    const accountId = this.accountOf(scope, "scope");
    return this.visible(jobId, accountId, scope.region);
  }

  /** @internal the job an account sees in a region (any region when `undefined`), most specific first. */
  visible(jobId: string, accountId: string, region: string | undefined): MockJob | undefined {
    let best: MockJob | undefined;
    let bestScore = -1;
    for (const job of this.byId.get(jobId) ?? []) {
      if (job.accountId !== undefined && job.accountId !== accountId) continue;
      if (region !== undefined && job.region !== undefined && job.region !== region) continue;
      const regionScore = region === undefined ? (job.region === undefined ? 1 : 0) : job.region === undefined ? 0 : 1;
      const score = (job.accountId === undefined ? 0 : 2) + regionScore;
      if (score > bestScore) [best, bestScore] = [job, score];
    }
    return best;
  }

  /**
   * @internal Where else a job with this id exists when `accountId` in `region` sees none, for the log line of a
   * 404: `"fw-1 exists in account 111111111111/region eu-west-1"`; `undefined` when there is none.
   */
  elsewhere(jobId: string, accountId: string, region: string | undefined): string | undefined {
    const others = this.byId.get(jobId) ?? [];
    if (others.length === 0) return undefined;
    const asked = `account ${accountId}/${region === undefined ? "no region" : `region ${region}`}`;
    return `${jobId} exists in ${others.map(where).join(", ")}; this request is ${asked}`;
  }

  /**
   * Every job a caller in `scope` sees, in creation order (each id once, the most specific).
   *
   * @example
   * mock.store.jobs().map((j) => j.jobId);
   */
  jobs(scope: JobScope = {}): MockJob[] {
    const accountId = this.accountOf(scope, "scope");
    return this.all()
      .filter((job, i, all) => all.findIndex((j) => j.jobId === job.jobId) === i)
      .map((job) => this.visible(job.jobId, accountId, scope.region))
      .filter((job): job is MockJob => job !== undefined);
  }

  /** Every job of every account and region, in creation order. */
  all(): MockJob[] {
    return [...this.byId.values()].flat().sort((a, b) => a.incarnation - b.incarnation);
  }

  /** Every account that owns jobs (jobs that name no account belong to none). */
  accountIds(): string[] {
    return [...new Set(this.all().flatMap((job) => (job.accountId === undefined ? [] : [job.accountId])))];
  }

  /**
   * Deletes the job a caller in `scope` sees (its rollout stops); returns whether there was one. Tokens issued for
   * it are refused afterwards.
   *
   * @example
   * mock.store.deleteJob("fw-1");
   */
  deleteJob(jobId: string, scope: JobScope = {}): boolean {
    const job = this.job(jobId, scope);
    if (job) this.remove(job);
    return job !== undefined;
  }

  /** @internal removes one job (seeds roll back with it). */
  remove(job: MockJob): void {
    job.rollout?.stop();
    this.release(job);
    const rest = (this.byId.get(job.jobId) ?? []).filter((j) => j !== job);
    if (rest.length > 0) this.byId.set(job.jobId, rest);
    else this.byId.delete(job.jobId);
  }

  /**
   * Deletes the jobs an account owns, or every job (shared ones included) when no scope is given.
   *
   * @example
   * mock.store.clear({ accessKeyId: "AKIDSUITEB" });
   */
  clear(scope?: AccountScope): void {
    const accountId = scope ? this.accountOf(scope, "scope") : undefined;
    for (const job of this.all()) if (accountId === undefined || job.accountId === accountId) this.remove(job);
  }

  /**
   * The account id a scope designates: `accountId`, else the account of `accessKeyId`, else the default.
   *
   * @example
   * mock.store.accountOf({ accessKeyId: "AKIAIOSFODNN7EXAMPLE" }); // "123456789012"
   */
  accountOf(scope: AccountScope = {}, field = "scope"): string {
    const { accountId, accessKeyId } = scope;
    if (accountId !== undefined) {
      if (typeof accountId !== "string" || !accountPattern.test(accountId))
        throw new FixtureError(`${field}.accountId`, accountId, "must be a 12-digit account id");
      return accountId;
    }
    if (accessKeyId !== undefined) {
      if (typeof accessKeyId !== "string" || accessKeyId.length === 0)
        throw new FixtureError(`${field}.accessKeyId`, accessKeyId, "must be a non-empty string");
      return this.context.accountIdFor(accessKeyId);
    }
    return this.context.defaultAccountId;
  }
}
