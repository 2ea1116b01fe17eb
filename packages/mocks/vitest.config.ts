import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Browser suites are test/e2e/*.e2e.ts, as in the docs app.
    include: ["src/**/*.test.ts", "test/**/*.test.ts", "test/e2e/**/*.e2e.ts"],
    benchmark: { include: ["test/bench/**/*.bench.ts"] },
    // Interop suites spawn processes and servers; give them room without touching unit-test defaults.
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
