import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Unit tests sit next to the code; cross-module suites live under test/<kind>/, browser suites are *.e2e.ts.
    include: ["src/**/*.test.ts", "test/**/*.test.ts", "test/e2e/**/*.e2e.ts"],
    // The interop suites pack or spawn peers: give them room, and never share state between files.
    testTimeout: 20_000,
  },
});
