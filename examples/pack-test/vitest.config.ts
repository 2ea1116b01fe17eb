import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // Packing, an npm install from the registry (about a minute cold, seconds warm) and two compiles: the budget
    // is 3 minutes for the set-up and 1 minute per step.
    hookTimeout: 180_000,
    testTimeout: 60_000,
  },
});
