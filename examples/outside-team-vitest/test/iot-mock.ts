// The fake of AWS IoT our tests share with the setup file (one per test file: vitest isolates modules per file).
import { setupIotJobsServer } from "@iot-jobs/mocks/node";

export const { server, mock } = setupIotJobsServer();
