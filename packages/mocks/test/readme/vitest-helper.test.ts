import { IoTClient, ListJobExecutionsForJobCommand } from "@aws-sdk/client-iot";
import { useIotJobsMock } from "@iot-jobs/mocks/vitest";
import { expect, test } from "vitest";

// listen before all (unhandled requests fail), resetHandlers() + mock.reset() after each, close after all
const { mock } = useIotJobsMock({ clock: { now: "2026-11-29T08:00:00Z" } });
const iot = new IoTClient({ region: "us-east-1", credentials: { accessKeyId: "testing", secretAccessKey: "x" } });

test("a rollout moves with the simulated clock", async () => {
  mock.store.createJob({ jobId: "fw-1", fleet: { count: 60 }, rollout: { ratePerMinute: 60 } });
  mock.clock.advance(30_000);
  const out = await iot.send(new ListJobExecutionsForJobCommand({ jobId: "fw-1", status: "IN_PROGRESS" }));
  expect(out.executionSummaries).toHaveLength(30);
});

test("the next test starts pristine: no jobs, the clock back at its start", () => {
  expect(mock.store.all()).toEqual([]);
  expect(new Date(mock.clock.now()).toISOString()).toBe("2026-11-29T08:00:00.000Z");
});
