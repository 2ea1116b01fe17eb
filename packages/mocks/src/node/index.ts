/**
 * `@iot-jobs/mocks/node`: everything of the core entry, plus MSW `setupServer` wiring and the standalone HTTP
 * server (also the `iot-jobs-mock` bin) for clients in any language.
 */

// Everything environment-agnostic
export * from "../core/index.js";
export { CONTROL_PREFIX, handleControlRequest } from "./control-api.js";
export type { CorsOption } from "./cors.js";
export { loadCredentialsFile, loadSeedFile } from "./files.js";
// In-process (msw/node)
export { setupIotJobsServer } from "./setup-iot-jobs-server.js";
// Standalone server and its control API
export { type MockServer, type MockServerOptions, startMockServer } from "./start-mock-server.js";
