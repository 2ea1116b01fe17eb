// The mock side of the page: the demo mock, served by MSW's service worker (`mockServiceWorker.js`, copied into
// the site by the build). The client sends to a path of the site itself; the worker answers it in the browser.
import { setupIotJobsWorker } from "@iot-jobs/mocks/browser";
import { createDemoMock } from "./demo-fleet.js";
import type { MockHost } from "./playground.js";

/**
 * The endpoint the page's client uses: `api` beside the page, on the site's own origin. A same-origin endpoint
 * needs no CORS and no other origin in the page's `connect-src`; if the worker were not running, the requests
 * would reach the static host (and fail with its 404), never AWS.
 *
 * @example
 * demoEndpoint("http://127.0.0.1:4000/playground.html"); // "http://127.0.0.1:4000/api"
 */
export function demoEndpoint(page: string): string {
  return new URL("api", page).href;
}

/**
 * Starts the service worker with a fresh demo mock; resolves once it answers requests. `reset` swaps in a new
 * mock (its handlers replace the old ones in the running worker).
 *
 * @example
 * const host = await startMockWorker(demoEndpoint(location.href));
 * host.mock.faults.inject({ type: "throttling" }, { times: 1 });
 */
export async function startMockWorker(endpoint: string): Promise<MockHost> {
  if (!("serviceWorker" in navigator)) {
    throw new Error("this browser runs no service worker here: open the page over http(s), not from disk");
  }
  let mock = createDemoMock(endpoint);
  const { worker } = setupIotJobsWorker({ mock });
  const api = new URL(endpoint).pathname;
  await worker.start({
    // Beside the page, so the site works under any path prefix (the worker's scope is its folder).
    serviceWorker: { url: "mockServiceWorker.js" },
    quiet: true,
    // Site files pass through; a request under the endpoint that no handler takes is a bug, and says so.
    onUnhandledRequest: (request, print) => {
      if (new URL(request.url).pathname.startsWith(api)) print.error();
    },
  });
  return {
    get mock() {
      return mock;
    },
    reset() {
      mock = createDemoMock(endpoint);
      worker.resetHandlers(...mock.handlers);
      return mock;
    },
  };
}
