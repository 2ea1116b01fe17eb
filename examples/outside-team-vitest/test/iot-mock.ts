// The fake of AWS IoT our tests share (one per test file: vitest isolates modules per file). Importing it registers
// vitest hooks in that file: MSW listens before the first test (a request no handler answers fails the test), and
// after each test the overrides are dropped and the mock is pristine again (jobs, faults, history, clock).
import { useIotJobsMock } from "@iot-jobs/mocks/vitest";

export const { server, mock } = useIotJobsMock();
