import { type SetupServer, setupServer } from "msw/node";
import { createIotJobsMock, type IotJobsMock, type IotJobsMockOptions } from "../core/create-iot-jobs-mock.js";

/**
 * Creates the mock and an MSW `setupServer` with its handlers, for tests in Node (vitest, jest, node:test).
 * Pass an existing `mock` to share one between servers.
 *
 * @example
 * const { server, mock } = setupIotJobsServer();
 * beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
 * afterEach(() => { server.resetHandlers(); mock.reset(); });
 * afterAll(() => server.close());
 */
export function setupIotJobsServer(options: IotJobsMockOptions & { readonly mock?: IotJobsMock } = {}): {
  server: SetupServer;
  mock: IotJobsMock;
} {
  const mock = options.mock ?? createIotJobsMock(options);
  return { server: setupServer(...mock.handlers), mock };
}
