// @ts-check
// While serving: the demo job's rollout as one line, redrawn on a terminal every 2 s (every 15 s elsewhere).

/**
 * The rollout of `job` in one line, e.g. `firmware-2026-11: 3,112 succeeded · 180 in progress · 1,650 queued ·
 * 98 failed`.
 * @param {import("@iot-jobs/mocks").MockJob} job
 * @example
 * rolloutLine(demo); // after mock.clock.tick()
 */
export function rolloutLine(job) {
  const c = job.counts();
  const n = (/** @type {number} */ x) => x.toLocaleString("en-US");
  const failed = c.FAILED + c.TIMED_OUT + c.REJECTED;
  return `${job.jobId}: ${n(c.SUCCEEDED)} succeeded · ${n(c.IN_PROGRESS)} in progress · ${n(c.QUEUED)} queued · ${n(failed)} failed`;
}

/**
 * Prints the rollout line now and then until stopped; the mock's clock is ticked first, so the line moves even
 * when nobody calls the mock.
 * @param {import("@iot-jobs/mocks").IotJobsMock} mock
 * @param {import("@iot-jobs/mocks").MockJob} job
 * @param {{ write(text: string): unknown, isTTY?: boolean }} out
 * @returns {() => void} stops it
 * @example
 * const stop = showRollout(mock, demo, process.stdout);
 */
export function showRollout(mock, job, out) {
  const draw = () => {
    mock.clock.tick();
    const time = new Date(mock.clock.now()).toISOString().slice(11, 19);
    out.write(out.isTTY ? `\r\x1b[2K  ${time}  ${rolloutLine(job)}` : `  ${time}  ${rolloutLine(job)}\n`);
  };
  draw();
  const timer = setInterval(draw, out.isTTY ? 2_000 : 15_000);
  return () => {
    clearInterval(timer);
    if (out.isTTY) out.write("\n");
  };
}
