// Our vitest setup file: the in-process fake of AWS IoT (MSW) listens for the whole file, a request no handler
// answers fails the test, and every test starts from an empty mock with no faults.
import { afterAll, afterEach, beforeAll } from "vitest";
import { mock, server } from "./iot-mock.js";

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  server.resetHandlers();
  mock.reset();
});
afterAll(() => server.close());
