import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Each test file imports test/iot-mock.ts, which wires the mock's MSW server into that file's lifecycle.
    include: ["src/**/*.test.ts"],
  },
});
