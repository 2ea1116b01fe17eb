import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Unit tests of the arithmetic sit next to it; the smoke run of the whole suite is under test/.
    include: ["src/**/*.test.mjs", "test/**/*.test.mjs"],
    // The smoke run starts servers, moto and Python (about a minute on a loaded 2-core machine).
    testTimeout: 30_000,
    hookTimeout: 240_000,
  },
});
