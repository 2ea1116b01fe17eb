import { jobExecutionStatuses } from "../../spec.js";
import { NameColumn } from "./name-column.js";
import { SeqSet } from "./seq-set.js";

/** One row as plain numbers: status is an index into `jobExecutionStatuses`, times are epoch ms (NaN = absent). */
export interface ExecutionRow {
  thingName: string;
  status: number;
  queuedAt: number;
  startedAt: number;
  lastUpdatedAt: number;
  executionNumber: number;
  retryAttempt: number;
}

/**
 * The executions of one job in columns (typed arrays), append-only: a row's sequence number is its position and
 * never changes, which gives paging a stable order and a cursor. One {@link SeqSet} per status indexes the rows
 * currently in it, so a status-filtered page never walks rows of other statuses. About 37 bytes a row, plus the
 * thing's name for rows added one by one (a fleet's names are generated, see {@link NameColumn}).
 */
export class ExecutionTable {
  size = 0;
  readonly names = new NameColumn();
  status = new Uint8Array(0);
  queuedAt = new Float64Array(0);
  startedAt = new Float64Array(0);
  lastUpdatedAt = new Float64Array(0);
  executionNumber = new Float64Array(0);
  retryAttempt = new Int32Array(0);
  readonly byStatus: readonly SeqSet[] = jobExecutionStatuses.map(() => new SeqSet());

  /** Makes room for `extra` more rows, growing the columns geometrically. */
  reserve(extra: number): void {
    const needed = this.size + extra;
    if (needed <= this.status.length) return;
    const capacity = Math.max(needed, this.status.length * 2, 256);
    const grow = <T extends Float64Array | Int32Array | Uint8Array>(old: T, make: (n: number) => T): T => {
      const next = make(capacity);
      next.set(old);
      return next;
    };
    this.status = grow(this.status, (n) => new Uint8Array(n));
    this.queuedAt = grow(this.queuedAt, (n) => new Float64Array(n));
    this.startedAt = grow(this.startedAt, (n) => new Float64Array(n));
    this.lastUpdatedAt = grow(this.lastUpdatedAt, (n) => new Float64Array(n));
    this.executionNumber = grow(this.executionNumber, (n) => new Float64Array(n));
    this.retryAttempt = grow(this.retryAttempt, (n) => new Int32Array(n));
  }

  /** Appends a named row; returns its sequence number. */
  append(row: ExecutionRow): number {
    this.names.appendExplicit(row.thingName);
    return this.appendUnnamed(row);
  }

  /** Appends a row whose name the caller adds to `names` in bulk (fleets); returns its sequence number. */
  appendUnnamed(row: Omit<ExecutionRow, "thingName">): number {
    this.reserve(1);
    const seq = this.size++;
    this.status[seq] = row.status;
    this.queuedAt[seq] = row.queuedAt;
    this.startedAt[seq] = row.startedAt;
    this.lastUpdatedAt[seq] = row.lastUpdatedAt;
    this.executionNumber[seq] = row.executionNumber;
    this.retryAttempt[seq] = row.retryAttempt;
    this.byStatus[row.status]!.add(seq);
    return seq;
  }

  /** Moves a row to another status, keeping the status indexes in step. */
  setStatus(seq: number, status: number): void {
    const from = this.status[seq]!;
    if (from === status) return;
    this.byStatus[from]!.delete(seq);
    this.byStatus[status]!.add(seq);
    this.status[seq] = status;
  }

  /** A copy of one row. */
  row(seq: number): ExecutionRow {
    return {
      thingName: this.names.name(seq),
      status: this.status[seq]!,
      queuedAt: this.queuedAt[seq]!,
      startedAt: this.startedAt[seq]!,
      lastUpdatedAt: this.lastUpdatedAt[seq]!,
      executionNumber: this.executionNumber[seq]!,
      retryAttempt: this.retryAttempt[seq]!,
    };
  }
}
