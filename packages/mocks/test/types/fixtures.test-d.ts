// Type tests: checked by `tsc -p tsconfig.json` (the package's typecheck), never run.
import { expectTypeOf } from "vitest";
import {
  createIotJobsMock,
  type ExecutionFixture,
  execution,
  type FaultSpec,
  type FleetFixture,
  fleet,
  type JobExecution,
  type JobExecutionStatus,
  type JobFixture,
  job,
  type MockJob,
  type SeedDocument,
  scenarios,
} from "../../src/core/index.js";

const mock = createIotJobsMock();

// execution(): a thing name, then any fields; the result is an ExecutionFixture.
expectTypeOf(execution("sensor-1")).toEqualTypeOf<ExecutionFixture>();
execution("sensor-1", { status: "IN_PROGRESS", startedAt: new Date(), retryAttempt: 1 });
execution("sensor-1", { status: "SUCCEEDED", queuedAt: "2026-11-29T08:00:00Z", startedAt: 1_795_939_200_000 });
execution("sensor-1", { queuedAt: new Date(), executionNumber: 2 });
// @ts-expect-error a QUEUED execution has not started
execution("sensor-1", { status: "QUEUED", startedAt: new Date() });
// @ts-expect-error without a status it is QUEUED, so no startedAt either
execution("sensor-1", { startedAt: new Date() });
// @ts-expect-error not a status
execution("sensor-1", { status: "DONE" });
// @ts-expect-error times are Date, epoch ms or ISO strings
execution("sensor-1", { queuedAt: true });
// @ts-expect-error the thing name is the first argument, not a field
execution("sensor-1", { thingName: "other" });

// Object literals are checked too.
const fixture: ExecutionFixture = { thingName: "t", status: "FAILED", retryAttempt: 2 };
// @ts-expect-error thingName is required
const nameless: ExecutionFixture = { status: "FAILED" };
// @ts-expect-error no such field
const typo: ExecutionFixture = { thingName: "t", startAt: 1 };

// fleet() and job()
expectTypeOf(fleet(100, { statuses: { SUCCEEDED: 9, FAILED: 1 } })).toEqualTypeOf<FleetFixture>();
// @ts-expect-error weights are per status
fleet(100, { statuses: { DONE: 1 } });
const fx: JobFixture = job("fw-1", {
  executions: [fixture, execution("b")],
  fleet: fleet(10),
  rollout: { ratePerMinute: 60 },
});
// @ts-expect-error rollout outcomes are terminal statuses a device reports
job("fw-1", { rollout: { ratePerMinute: 60, outcomes: { QUEUED: 1 } } });
// @ts-expect-error jobId is required
const jobless: JobFixture = { executions: [] };

// The store returns jobs whose reads are typed.
const created = mock.store.createJob(fx);
expectTypeOf(created).toEqualTypeOf<MockJob>();
expectTypeOf(created.get("a")).toEqualTypeOf<JobExecution | undefined>();
expectTypeOf(created.counts()).toEqualTypeOf<Record<JobExecutionStatus, number>>();
expectTypeOf(created.transition("a", "IN_PROGRESS").startedAt).toEqualTypeOf<Date | undefined>();
// @ts-expect-error not a status
created.transition("a", "DONE");

// Scenarios are job fixtures; seeds are typed documents.
expectTypeOf(scenarios.largeFleet({ count: 10 })).toEqualTypeOf<JobFixture>();
const seed: SeedDocument = { jobs: [fx], scenarios: [{ name: "rolloutInProgress", accessKeyId: "AKID" }] };
// @ts-expect-error unknown scenario
const badSeed: SeedDocument = { scenarios: [{ name: "hugeFleet" }] };

// Faults
mock.faults.inject({ type: "latency", ms: 200 }, { rate: 0.5, seed: 1 });
// @ts-expect-error latency needs its ms
mock.faults.inject({ type: "latency" });
const script: (FaultSpec | null)[] = [{ type: "drop" }, null, { type: "throttling", message: "Slow down" }];
mock.faults.script(script, { jobId: "fw-1" });

export { badSeed, jobless, nameless, seed, typo };
