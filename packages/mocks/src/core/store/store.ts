import type { MockClock } from "../clock/clock.js";
import { FixtureError } from "../errors.js";
import * as validators from "../validation/generated/validators.gen.js";
import { checkKeys, checkObject, checkSchema } from "./check.js";
import { MockJob } from "./job.js";
import type { AccountScope, JobFixture } from "./types.js";

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

/**
 * The mock's in-memory data: accounts → jobs → executions. Every method takes an optional {@link AccountScope};
 * without one it works on the default account (the one unsigned requests and the default test credentials see).
 *
 * @example
 * const job = mock.store.createJob({ jobId: "fw-1", fleet: { count: 500 } });
 * mock.store.job("fw-1") === job; // true
 * mock.store.createJob({ jobId: "fw-1", accessKeyId: "AKIDSUITEB" }); // another account: no clash
 */
export class MockStore {
  private readonly accounts = new Map<string, Map<string, MockJob>>();
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
    const accountId = this.accountOf(fixture as AccountScope, field);
    const region = fixture.region ?? this.context.defaultRegion;
    if (typeof region !== "string" || !regionPattern.test(region))
      throw new FixtureError(`${field}.region`, region, "must be a region name such as us-east-1");
    const jobId = fixture.jobId as string;
    if (this.accounts.get(accountId)?.has(jobId))
      throw new FixtureError(`${field}.jobId`, jobId, `already exists in account ${accountId}`);
    const charge = this.chargeOf(fixture, field);
    const job = new MockJob(jobId, { clock: this.context.clock, accountId, region, incarnation: ++this.incarnations });
    if (fixture.executions !== undefined) {
      if (!Array.isArray(fixture.executions))
        throw new FixtureError(`${field}.executions`, fixture.executions, "must be an array");
      job.addAll(fixture.executions, `${field}.executions`);
    }
    if (fixture.fleet !== undefined) job.addFleet(fixture.fleet as never, `${field}.fleet`);
    if (fixture.rollout !== undefined) job.startRollout(fixture.rollout as never);
    const jobs = this.accounts.get(accountId) ?? new Map<string, MockJob>();
    this.accounts.set(accountId, jobs.set(jobId, job));
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
   * A job by id, or `undefined`.
   *
   * @example
   * mock.store.job("fw-1", { accessKeyId: "AKIDSUITEB" })?.counts();
   */
  job(jobId: string, scope: AccountScope = {}): MockJob | undefined {
    return this.accounts.get(this.accountOf(scope, "scope"))?.get(jobId);
  }

  /**
   * Every job of an account, in creation order.
   *
   * @example
   * mock.store.jobs().map((j) => j.jobId);
   */
  jobs(scope: AccountScope = {}): MockJob[] {
    return [...(this.accounts.get(this.accountOf(scope, "scope"))?.values() ?? [])];
  }

  /** Every account that has jobs. */
  accountIds(): string[] {
    return [...this.accounts.keys()].filter((id) => (this.accounts.get(id)?.size ?? 0) > 0);
  }

  /**
   * Deletes a job (its rollout stops); returns whether it existed. Tokens issued for it are refused afterwards.
   *
   * @example
   * mock.store.deleteJob("fw-1");
   */
  deleteJob(jobId: string, scope: AccountScope = {}): boolean {
    const jobs = this.accounts.get(this.accountOf(scope, "scope"));
    const job = jobs?.get(jobId);
    job?.rollout?.stop();
    if (job) this.release(job);
    return jobs?.delete(jobId) ?? false;
  }

  /**
   * Deletes the jobs of one account, or of every account when no scope is given.
   *
   * @example
   * mock.store.clear({ accessKeyId: "AKIDSUITEB" });
   */
  clear(scope?: AccountScope): void {
    const accounts = scope ? [this.accountOf(scope, "scope")] : [...this.accounts.keys()];
    for (const accountId of accounts) {
      for (const job of this.accounts.get(accountId)?.values() ?? []) {
        job.rollout?.stop();
        this.release(job);
      }
      this.accounts.delete(accountId);
    }
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
