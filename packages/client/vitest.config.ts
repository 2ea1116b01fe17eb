import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Unit tests sit next to the code; cross-module suites live under test/<kind>/.
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // The interop suites pack or spawn peers: give them room, and never share state between files.
    testTimeout: 20_000,
  },
});
