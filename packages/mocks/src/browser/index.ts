/**
 * `@iot-jobs/mocks/browser`: everything of the core entry, plus MSW `setupWorker` wiring.
 */

// Everything environment-agnostic
export * from "../core/index.js";

// In the browser (msw/browser)
export { setupIotJobsWorker } from "./setup-iot-jobs-worker.js";
