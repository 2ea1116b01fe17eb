import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    benchmark: { include: ["test/bench/**/*.bench.ts"] },
    // Interop suites spawn processes and servers; give them room without touching unit-test defaults.
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
