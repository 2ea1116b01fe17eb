import { type SetupWorker, setupWorker } from "msw/browser";
import { createIotJobsMock, type IotJobsMock, type IotJobsMockOptions } from "../core/create-iot-jobs-mock.js";

/**
 * Creates the mock and an MSW `setupWorker` with its handlers, for the browser (dev servers, Storybook,
 * Playwright/Vitest browser mode). The worker script must be served: run `npx msw init <public-dir>` once.
 * Web Crypto (tokens) needs a secure context: `https://` or `localhost`.
 *
 * @example
 * const { worker, mock } = setupIotJobsWorker({ seed: { scenarios: [{ name: "rolloutInProgress" }] } });
 * await worker.start({ onUnhandledRequest: "bypass" });
 */
export function setupIotJobsWorker(options: IotJobsMockOptions & { readonly mock?: IotJobsMock } = {}): {
  worker: SetupWorker;
  mock: IotJobsMock;
} {
  const mock = options.mock ?? createIotJobsMock(options);
  return { worker: setupWorker(...mock.handlers), mock };
}
