import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Each test starts the script in its own Node process.
    testTimeout: 20_000,
  },
});
