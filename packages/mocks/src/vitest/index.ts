/**
 * `@iot-jobs/mocks/vitest`: the mock and its MSW server wired into vitest's lifecycle in one call. Node only;
 * vitest is an optional peer dependency of this entry.
 */

import type { SetupServer } from "msw/node";
import { afterAll, afterEach, beforeAll } from "vitest";
import type { IotJobsMock, IotJobsMockOptions } from "../core/create-iot-jobs-mock.js";
import { setupIotJobsServer } from "../node/setup-iot-jobs-server.js";

/**
 * Options of {@link useIotJobsMock}: the mock's options (or an existing `mock`), plus how MSW treats requests no
 * handler answers.
 *
 * @example
 * useIotJobsMock({ clock: { now: "2026-11-29T08:00:00Z" }, onUnhandledRequest: "warn" });
 */
export interface UseIotJobsMockOptions extends IotJobsMockOptions {
  /** Serve this mock instead of creating one. */
  readonly mock?: IotJobsMock;
  /** What MSW does with a request no handler answers. @default "error" (the test fails) */
  readonly onUnhandledRequest?: "error" | "warn" | "bypass";
}

/**
 * Creates the mock and an MSW `setupServer` with its handlers, and registers vitest hooks in the calling file (or
 * setup file): `server.listen()` before all tests (unhandled requests fail), `server.resetHandlers()` and
 * `mock.reset()` (a pristine mock: seed, faults, history, clock) after each, `server.close()` after all.
 *
 * @example
 * import { useIotJobsMock } from "@iot-jobs/mocks/vitest";
 * const { server, mock } = useIotJobsMock();
 * test("lists", async () => {
 *   mock.store.createJob({ jobId: "fw-1", fleet: { count: 10 } });
 * });
 */
export function useIotJobsMock(options: UseIotJobsMockOptions = {}): { server: SetupServer; mock: IotJobsMock } {
  const { server, mock } = setupIotJobsServer(options);
  beforeAll(() => server.listen({ onUnhandledRequest: options.onUnhandledRequest ?? "error" }));
  afterEach(() => {
    server.resetHandlers();
    mock.reset();
  });
  afterAll(() => server.close());
  return { server, mock };
}
