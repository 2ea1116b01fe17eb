import { FixtureError, IllegalTransitionError } from "../../errors.js";
import { partitionOf } from "../../request/http/endpoints.js";
import * as validators from "../../request/validation/generated/validators.gen.js";
import { type JobExecutionStatus, jobExecutionStatuses } from "../../spec.js";
import type { MockClock } from "../clock/clock.js";
import { checkSchema } from "./check.js";
import { ExecutionTable } from "./execution-table.js";
import { appendFleet } from "./fleet.js";
import { allowedTransitions, retryableStatuses } from "./lifecycle.js";
import { resolveExecution } from "./resolve-execution.js";
import { startRollout } from "./rollout.js";
import type { ExecutionFixture, FleetFixture, JobExecution, Rollout, RolloutConfig } from "./types.js";

/** What a job needs from its store. */
export interface JobContext {
  readonly clock: MockClock;
  /** The owning account; `undefined`: the job is visible to every account. */
  readonly accountId: string | undefined;
  /** The job's region; `undefined`: the job is visible in every region. */
  readonly region: string | undefined;
  /** The account and region the store's own reads (`get`, `list`) show in ARNs when the job names none. */
  readonly arnDefaults: { readonly accountId: string; readonly region: string };
  /** Unique per job creation, so tokens of a deleted-and-recreated job are refused. */
  readonly incarnation: number;
}

/**
 * One job of the store and its executions. Executions are appended, never removed, and keep their order; change
 * them through the lifecycle methods, which stamp times from the mock clock as the service would.
 *
 * @example
 * const job = mock.store.createJob({ jobId: "fw-1", executions: [{ thingName: "sensor-1" }] });
 * job.transition("sensor-1", "IN_PROGRESS"); // startedAt = lastUpdatedAt = clock.now()
 * job.transition("sensor-1", "FAILED");
 * job.retry("sensor-1"); // QUEUED again, retryAttempt 1
 */
export class MockJob {
  /** @internal the columnar executions; read by the paging code */
  readonly table = new ExecutionTable();
  /** @internal `arn:<partition>:iot:<region>:<account>:thing/` of the store's own reads (see {@link arnPrefixFor}) */
  readonly arnPrefix: string;
  private activeRollout: Rollout | undefined;

  constructor(
    readonly jobId: string,
    private readonly context: JobContext,
  ) {
    this.arnPrefix = this.arnPrefixFor(context.arnDefaults.accountId, context.arnDefaults.region);
  }

  /** The 12-digit account the job belongs to, or `undefined` when the fixture named none (visible to every account). */
  get accountId(): string | undefined {
    return this.context.accountId;
  }
  /** The region the job lives in, or `undefined` when the fixture named none (visible in every region). */
  get region(): string | undefined {
    return this.context.region;
  }

  /**
   * @internal The things' ARN prefix as a caller in `accountId`/`region` sees it: a job that names its account or
   * region keeps its own, one that does not shows the caller's (as the service would in the caller's account).
   */
  arnPrefixFor(accountId: string, region: string): string {
    const r = this.context.region ?? region;
    return `arn:${partitionOf(r)}:iot:${r}:${this.context.accountId ?? accountId}:thing/`;
  }
  /** @internal see {@link JobContext.incarnation} */
  get incarnation(): number {
    return this.context.incarnation;
  }
  /** How many executions the job has. */
  get size(): number {
    return this.table.size;
  }
  /** The rollout started with {@link MockJob.startRollout}, if any. */
  get rollout(): Rollout | undefined {
    return this.activeRollout;
  }

  /**
   * Appends executions (defaults from the clock). All are checked first: on any bad one nothing is added.
   *
   * @example
   * job.add({ thingName: "sensor-9" }, { thingName: "sensor-10", status: "IN_PROGRESS" });
   */
  add(...executions: ExecutionFixture[]): void {
    this.addAll(executions, "executions");
  }

  /** @internal `add` with a field path for error messages. */
  addAll(executions: readonly unknown[], field: string): void {
    const now = this.context.clock.now();
    const rows = executions.map((e, i) => resolveExecution(e, now, `${field}[${i}]`));
    const seen = new Set<string>();
    rows.forEach((row, i) => {
      if (this.seqOf(row.thingName) !== undefined || seen.has(row.thingName)) {
        throw new FixtureError(
          `${field}[${i}].thingName`,
          row.thingName,
          `already has an execution in job ${this.jobId}`,
        );
      }
      seen.add(row.thingName);
    });
    for (const row of rows) this.table.append(row);
  }

  /**
   * Appends a fleet of things in bulk (see {@link FleetFixture}).
   *
   * @example
   * job.addFleet({ count: 100_000, statuses: { SUCCEEDED: 9, FAILED: 1 } });
   */
  addFleet(fleet: FleetFixture, field = "fleet"): void {
    appendFleet(this.table, fleet, this.context.clock.now(), field, (name) => this.seqOf(name) !== undefined);
  }

  /**
   * The execution on a thing, or `undefined`.
   *
   * @example
   * job.get("sensor-1")?.status; // "QUEUED"
   */
  get(thingName: string): JobExecution | undefined {
    const seq = this.seqOf(thingName);
    return seq === undefined ? undefined : this.read(seq);
  }

  /**
   * Every execution, in list order (O(n): for assertions, not for large fleets).
   *
   * @example
   * expect(job.list().map((e) => e.status)).toEqual(["SUCCEEDED", "QUEUED"]);
   */
  list(): JobExecution[] {
    return Array.from({ length: this.table.size }, (_, seq) => this.read(seq));
  }

  /**
   * How many executions are in each status (O(1)).
   *
   * @example
   * job.counts().IN_PROGRESS; // 12
   */
  counts(): Record<JobExecutionStatus, number> {
    const counts = {} as Record<JobExecutionStatus, number>;
    jobExecutionStatuses.forEach((status, i) => {
      counts[status] = this.table.byStatus[i]!.size;
    });
    return counts;
  }

  /**
   * Moves a thing's execution to `to`, as the device or the service would: QUEUED → IN_PROGRESS sets `startedAt`,
   * every change sets `lastUpdatedAt`. Throws {@link IllegalTransitionError} (state unchanged) when
   * {@link allowedTransitions} forbids it.
   *
   * @example
   * job.transition("sensor-1", "IN_PROGRESS");
   */
  transition(thingName: string, to: JobExecutionStatus): JobExecution {
    checkSchema("to", to, validators.executionStatus);
    const seq = this.requireSeq(thingName);
    this.apply(seq, to);
    return this.read(seq);
  }

  /**
   * Re-queues a FAILED or TIMED_OUT execution as a job retry configuration does: QUEUED, `retryAttempt` + 1,
   * queued again now, `startedAt` cleared until it starts again.
   *
   * @example
   * job.retry("sensor-1").retryAttempt; // 1
   */
  retry(thingName: string): JobExecution {
    const seq = this.requireSeq(thingName);
    this.retrySeq(seq);
    return this.read(seq);
  }

  /**
   * Cancels the job as CancelJob does: every QUEUED execution becomes CANCELED, and IN_PROGRESS ones too with
   * `force`. Returns how many changed.
   *
   * @example
   * job.cancel({ force: true });
   */
  cancel(options: { force?: boolean } = {}): number {
    const from: JobExecutionStatus[] = options.force ? ["QUEUED", "IN_PROGRESS"] : ["QUEUED"];
    let changed = 0;
    for (const status of from) {
      const set = this.table.byStatus[jobExecutionStatuses.indexOf(status)]!;
      for (let seq = set.next(0); seq !== -1; seq = set.next(seq + 1)) {
        this.apply(seq, "CANCELED");
        changed++;
      }
    }
    return changed;
  }

  /**
   * Starts a rate-based rollout driven by the mock clock (see {@link RolloutConfig}).
   *
   * @example
   * job.startRollout({ ratePerMinute: 60, durationMs: 30_000, outcomes: { SUCCEEDED: 9, FAILED: 1 } });
   * mock.clock.advance(60_000); // 60 started, the first 30 or so finished
   */
  startRollout(config: RolloutConfig): Rollout {
    if (this.activeRollout && !this.activeRollout.stopped) {
      throw new FixtureError(
        "rollout",
        config,
        `cannot start: job ${this.jobId} already has a rollout (stop() it first)`,
      );
    }
    this.activeRollout = startRollout(this, this.context.clock, config);
    return this.activeRollout;
  }

  /** @internal applies a checked transition to a row. */
  apply(seq: number, to: JobExecutionStatus): void {
    const t = this.table;
    const from = jobExecutionStatuses[t.status[seq]!]!;
    if (!allowedTransitions[from].includes(to)) {
      throw new IllegalTransitionError(this.where(seq), from, to, allowedTransitions[from]);
    }
    const now = this.context.clock.now();
    if (from === "QUEUED" && to === "IN_PROGRESS") t.startedAt[seq] = now;
    t.lastUpdatedAt[seq] = now;
    t.setStatus(seq, jobExecutionStatuses.indexOf(to));
  }

  /** @internal re-queues a row (see {@link MockJob.retry}). */
  retrySeq(seq: number): void {
    const t = this.table;
    const from = jobExecutionStatuses[t.status[seq]!]!;
    if (!retryableStatuses.includes(from))
      throw new IllegalTransitionError(`${this.where(seq)} (retry)`, from, "QUEUED", []);
    const now = this.context.clock.now();
    t.retryAttempt[seq]!++;
    t.queuedAt[seq] = now;
    t.startedAt[seq] = Number.NaN;
    t.lastUpdatedAt[seq] = now;
    t.setStatus(seq, jobExecutionStatuses.indexOf("QUEUED"));
  }

  /** @internal the execution at a sequence number, as a readable object. */
  read(seq: number): JobExecution {
    const row = this.table.row(seq);
    return {
      thingName: row.thingName,
      thingArn: this.arnPrefix + row.thingName,
      status: jobExecutionStatuses[row.status]!,
      queuedAt: new Date(row.queuedAt),
      startedAt: Number.isNaN(row.startedAt) ? undefined : new Date(row.startedAt),
      lastUpdatedAt: new Date(row.lastUpdatedAt),
      executionNumber: row.executionNumber,
      retryAttempt: row.retryAttempt,
    };
  }

  private where(seq: number): string {
    return `thing ${this.table.names.name(seq)} in job ${this.jobId}`;
  }

  private requireSeq(thingName: string): number {
    const seq = this.seqOf(thingName);
    if (seq === undefined) throw new FixtureError("thingName", thingName, `has no execution in job ${this.jobId}`);
    return seq;
  }

  private seqOf(thingName: string): number | undefined {
    return this.table.names.seqOf(thingName);
  }
}
