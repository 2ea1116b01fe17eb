import { FixtureError } from "../../errors.js";
import * as validators from "../../request/validation/generated/validators.gen.js";
import { type JobExecutionStatus, jobExecutionStatuses } from "../../spec.js";
import { toEpochMs } from "../clock/time-input.js";
import { MAX_FLEET_COUNT } from "../fixtures/seed-schema.js";
import { seededRandom } from "../prng.js";
import { checkKeys, checkObject, checkSchema } from "./check.js";
import type { ExecutionTable } from "./execution-table.js";
import { startedStatuses } from "./lifecycle.js";
import { NameColumn } from "./name-column.js";

const minute = 60_000;
const fields = ["count", "thingNamePrefix", "statuses", "seed", "queuedAt", "retryAttempts"];

/** Checks a fleet fixture and returns its exact status counts (largest-remainder split of the weights). */
function statusCounts(field: string, count: number, statuses: unknown): number[] {
  const weights = statuses ?? { QUEUED: 1 };
  checkObject(`${field}.statuses`, weights);
  for (const [key, value] of Object.entries(weights)) {
    if (!jobExecutionStatuses.includes(key as JobExecutionStatus)) {
      throw new FixtureError(
        `${field}.statuses.${key}`,
        value,
        `is not a status (known: ${jobExecutionStatuses.join(", ")})`,
      );
    }
    if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
      throw new FixtureError(`${field}.statuses.${key}`, value, "must be a finite weight ≥ 0");
    }
  }
  const w = jobExecutionStatuses.map((s) => (weights[s] as number | undefined) ?? 0);
  const total = w.reduce((a, b) => a + b, 0);
  if (total <= 0) throw new FixtureError(`${field}.statuses`, weights, "must give at least one status a weight > 0");
  const exact = w.map((x) => (x / total) * count);
  const counts = exact.map(Math.floor);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0, missing = count - counts.reduce((a, b) => a + b, 0); k < missing; k++) counts[order[k]![1]]!++;
  return counts;
}

/**
 * Appends a fleet to a job's table: `count` things named `<prefix><n>`, exact status proportions shuffled by a
 * seeded PRNG, timestamps within the hour after `queuedAt` (started over 45 minutes, ended 10 minutes later),
 * FAILED/TIMED_OUT ones cycling through 0..`retryAttempts` retries. Written column by column with generated names,
 * so 100,000 things take a few milliseconds and a few megabytes. Throws a {@link FixtureError} before writing anything.
 *
 * @example
 * appendFleet(table, { count: 1000, statuses: { SUCCEEDED: 3, QUEUED: 1 } }, clock.now(), "fleet", () => false);
 */
export function appendFleet(
  table: ExecutionTable,
  fleet: unknown,
  now: number,
  field: string,
  taken: (name: string) => boolean,
): void {
  checkObject(field, fleet);
  checkKeys(field, fleet, fields);
  const { count, seed = 1, retryAttempts = 0, thingNamePrefix: prefix = "thing-" } = fleet;
  if (!Number.isInteger(count) || (count as number) < 1 || (count as number) > MAX_FLEET_COUNT) {
    throw new FixtureError(`${field}.count`, count, `must be an integer from 1 to ${MAX_FLEET_COUNT}`);
  }
  const n = count as number;
  if (!Number.isInteger(seed)) throw new FixtureError(`${field}.seed`, seed, "must be an integer");
  if (!Number.isInteger(retryAttempts) || (retryAttempts as number) < 0) {
    throw new FixtureError(`${field}.retryAttempts`, retryAttempts, "must be an integer ≥ 0");
  }
  const width = Math.max(4, String(n).length);
  if (typeof prefix !== "string") throw new FixtureError(`${field}.thingNamePrefix`, prefix, "must be a string");
  const name = (i: number) => NameColumn.generate(prefix, width, i + 1);
  checkSchema(`${field}.thingNamePrefix`, name(n - 1), validators.thingName);
  const queuedAt = fleet.queuedAt === undefined ? now - 60 * minute : toEpochMs(`${field}.queuedAt`, fleet.queuedAt);
  const counts = statusCounts(field, n, fleet.statuses);
  if (table.size > 0) {
    for (let i = 0; i < n; i++)
      if (taken(name(i)))
        throw new FixtureError(
          `${field}.thingNamePrefix`,
          prefix,
          `gives ${name(i)}, which already has an execution in this job`,
        );
  }
  // Exact counts, then a seeded Fisher-Yates shuffle so every status is spread over the whole job.
  const statuses = new Uint8Array(n);
  for (let s = 0, at = 0; s < counts.length; s++) {
    statuses.fill(s, at, at + counts[s]!);
    at += counts[s]!;
  }
  const random = seededRandom(seed as number);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [statuses[i], statuses[j]] = [statuses[j]!, statuses[i]!];
  }
  const started = new Set(startedStatuses.map((s) => jobExecutionStatuses.indexOf(s)));
  const retried = new Set(["FAILED", "TIMED_OUT"].map((s) => jobExecutionStatuses.indexOf(s as JobExecutionStatus)));
  const inProgress = jobExecutionStatuses.indexOf("IN_PROGRESS");
  const queued = jobExecutionStatuses.indexOf("QUEUED");
  table.reserve(n);
  for (let i = 0; i < n; i++) {
    const status = statuses[i]!;
    const startedAt = started.has(status) ? queuedAt + Math.round((45 * minute * i) / n) : Number.NaN;
    let lastUpdatedAt = queuedAt;
    if (status === inProgress) lastUpdatedAt = startedAt;
    else if (started.has(status)) lastUpdatedAt = startedAt + 10 * minute;
    else if (status !== queued) lastUpdatedAt = queuedAt + 50 * minute; // REJECTED, REMOVED, CANCELED
    const retryAttempt = retried.has(status) ? i % ((retryAttempts as number) + 1) : 0;
    table.appendUnnamed({ status, queuedAt, startedAt, lastUpdatedAt, executionNumber: 1, retryAttempt });
  }
  table.names.appendGenerated(prefix, width, n); // names are generated on read: no million strings on the heap
}
