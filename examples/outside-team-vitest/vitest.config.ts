import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    // One MSW server per test file, listening before the first test and reset after each (see the setup file).
    setupFiles: ["./test/setup-mocks.ts"],
  },
});
