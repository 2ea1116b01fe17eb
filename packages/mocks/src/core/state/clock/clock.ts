import { FixtureError } from "../../errors.js";
import { MAX_TIME_MS, type TimeInput, toEpochMs } from "./time-input.js";

/**
 * Something the clock runs when simulated time reaches it (a rollout, a scheduled callback).
 *
 * @example
 * let due = clock.now() + 1_000;
 * clock.addTask({ nextDueAt: () => due, run: () => { tick(); due += 1_000; } }); // every simulated second
 */
export interface ClockTask {
  /** When the task next wants to run (epoch ms), or `Infinity` when idle. */
  nextDueAt(): number;
  /** Runs the task's next step; `clock.now()` equals the step's due time (or the current time if that is later). */
  run(): void;
}

/**
 * Options of {@link createClock} (and of `createIotJobsMock({ clock })`).
 *
 * @example
 * createIotJobsMock({ clock: { now: "2026-11-29T08:00:00Z" } }); // frozen at that instant
 * createIotJobsMock({ clock: { now: "2026-11-29T08:00:00Z", frozen: false } }); // starts there, then runs
 */
export interface ClockOptions {
  /** Where simulated time starts. @default the current time */
  readonly now?: TimeInput;
  /** Keep time still except through `advance`/`set`. @default true when `now` is given, else false */
  readonly frozen?: boolean;
}

/**
 * The mocks' simulated clock. Timestamps of fixtures and lifecycle changes come from it, and rollouts move when
 * it moves. Frozen, time stands still until `advance`/`set`; unfrozen, it follows the system clock (fake timers
 * included) plus whatever was advanced.
 *
 * @example
 * mock.clock.advance(60_000); // rollouts move, lifecycle stamps use the new time
 * new Date(mock.clock.now()).toISOString();
 */
export interface MockClock {
  /** The current simulated time, epoch ms. */
  now(): number;
  /** Moves time forward by `ms`, running every due task in time order; returns the new time. */
  advance(ms: number): number;
  /** Moves time forward to `to` (never back), running due tasks; returns the new time. */
  set(to: TimeInput): number;
  /** Runs `callback` when simulated time reaches now + `delayMs`; returns a function that cancels it. */
  schedule(delayMs: number, callback: () => void): () => void;
  /** Runs the tasks that are due at the current time (the handlers call it before each request). */
  tick(): void;
  /**
   * Puts the clock back where it started (frozen at `now`, or following the system time plus the initial offset),
   * nothing advanced, every scheduled callback and task dropped; returns the time. `mock.reset()` and the control
   * API's full reset call it, so no advance can leave a mock in a state a reset does not repair. Optional for
   * clocks written by hand.
   */
  reset?(): number;
  /** Registers a recurring task (used by rollouts); returns a function that removes it. */
  addTask(task: ClockTask): () => void;
  /** Whether time only moves through `advance`/`set`. */
  readonly frozen: boolean;
}

/**
 * Creates a simulated clock.
 *
 * @example
 * const clock = createClock({ now: "2026-11-29T08:00:00Z" }); // frozen
 * clock.schedule(5_000, () => job.transition("sensor-1", "SUCCEEDED"));
 * clock.advance(5_000);
 */
export function createClock(options: ClockOptions = {}): MockClock {
  const frozen = options.frozen ?? options.now !== undefined;
  const start = options.now === undefined ? Date.now() : toEpochMs("clock.now", options.now);
  const initialOffset = frozen ? start : start - Date.now();
  let offset = initialOffset;
  let floor = start; // time never goes back, even if the system clock does (only reset() sets it back)
  const tasks = new Set<ClockTask>();
  let running = false;

  const now = () => {
    floor = Math.max(floor, frozen ? offset : Date.now() + offset);
    return floor;
  };
  const runUntil = (target: number) => {
    if (running) return; // a task that reads the clock must not re-enter the loop
    running = true;
    try {
      for (;;) {
        let next: ClockTask | undefined;
        let due = Number.POSITIVE_INFINITY;
        for (const task of tasks) {
          const at = task.nextDueAt();
          if (at < due) [next, due] = [task, at];
        }
        if (!next || due > target) break;
        if (frozen) offset = Math.max(offset, due);
        floor = Math.max(floor, due);
        next.run();
      }
    } finally {
      running = false;
    }
  };
  const moveTo = (target: number) => {
    runUntil(target);
    if (frozen) offset = Math.max(offset, target);
    else offset += Math.max(0, target - (Date.now() + offset)); // the system-time part now reads `target`
    floor = Math.max(floor, target);
    return now();
  };
  const addTask = (task: ClockTask) => {
    tasks.add(task);
    return () => void tasks.delete(task);
  };

  return {
    frozen,
    now,
    tick: () => runUntil(now()),
    advance(ms) {
      const room = MAX_TIME_MS - now();
      if (typeof ms !== "number" || !Number.isFinite(ms) || ms < 0 || ms > room)
        throw new FixtureError(
          "ms",
          ms,
          `must be a number from 0 to ${room} (the clock stops at 9999-12-31T23:59:59.999Z)`,
        );
      return moveTo(now() + ms);
    },
    reset() {
      tasks.clear(); // what was scheduled belongs to the time that is undone
      offset = initialOffset;
      floor = frozen ? start : Date.now() + initialOffset; // the one place time may go back
      return now();
    },
    set(to) {
      const target = toEpochMs("to", to);
      if (target < now())
        throw new FixtureError("to", to, `must not be earlier than the clock (${new Date(now()).toISOString()})`);
      return moveTo(target);
    },
    schedule(delayMs, callback) {
      if (typeof delayMs !== "number" || !Number.isFinite(delayMs) || delayMs < 0 || delayMs > MAX_TIME_MS)
        throw new FixtureError("delayMs", delayMs, `must be a number from 0 to ${MAX_TIME_MS}`);
      const dueAt = now() + delayMs;
      const remove = addTask({
        nextDueAt: () => dueAt,
        run: () => {
          remove(); // one-shot: gone before the callback runs, so it can schedule again
          callback();
        },
      });
      return remove;
    },
    addTask,
  };
}
