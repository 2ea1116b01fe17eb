import { afterEach, beforeEach, expect, test, vi } from "vitest";
import { createDemoMock, demoJobId, rollout } from "./demo-fleet.mjs";
import { rolloutLine } from "./live-status.mjs";

// The demo mock follows the system clock: fake timers make that clock, and so the rollout, deterministic.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-11-29T08:00:00Z"));
});
afterEach(() => vi.useRealTimers());

test("the demo job is a rollout under way from the first page: a minute in, 200 things in progress", () => {
  const { mock, demo } = createDemoMock({ region: "us-east-1" });
  expect(mock.clock.now()).toBe(Date.parse("2026-11-29T08:00:00Z")); // the head start is caught up
  expect(demo.jobId).toBe(demoJobId);
  expect(demo.size).toBe(5_005);
  const counts = demo.counts();
  expect(counts.IN_PROGRESS).toBe(rollout.ratePerMinute * (rollout.durationMs / 60_000)); // 5 a second × 40 s
  expect(counts.SUCCEEDED + counts.FAILED + counts.TIMED_OUT).toBe(5_005 - counts.QUEUED - counts.IN_PROGRESS);
  expect(mock.store.jobs().map((j) => [j.jobId, j.size])).toEqual([
    [demoJobId, 5_005],
    ["firmware-2026-10", 50],
    ["inventory-scan", 100_000],
  ]);
});

test("it moves on in real time: 5 starts a second, each one done 40 s later", () => {
  const { mock, demo } = createDemoMock({ region: "us-east-1" });
  const t0 = mock.clock.now();
  const before = demo.counts();
  vi.setSystemTime(t0 + 10_000);
  mock.clock.tick();
  const running = demo.list().filter((e) => e.status === "IN_PROGRESS");
  expect(running.filter((e) => e.startedAt!.getTime() > t0)).toHaveLength(50);
  expect(running.every((e) => t0 + 10_000 - e.startedAt!.getTime() <= rollout.durationMs)).toBe(true);
  expect(running).toHaveLength(before.IN_PROGRESS);
  expect(demo.counts().SUCCEEDED).toBeGreaterThan(before.SUCCEEDED);
  expect(rolloutLine(demo)).toMatch(
    /^firmware-2026-11: [\d,]+ succeeded · 200 in progress · [\d,]+ queued · [\d,]+ failed$/,
  );
});

test("the slowest gateways are the hand-written stragglers, minutes apart", () => {
  const { demo } = createDemoMock({ region: "us-east-1" });
  const took = (name: string) => {
    const e = demo.get(name)!;
    return (e.lastUpdatedAt.getTime() - e.startedAt!.getTime()) / 60_000;
  };
  expect(["gateway-berlin-01", "gateway-oslo-02", "gateway-lisbon-03"].map(took)).toEqual([47, 40, 28]);
});
