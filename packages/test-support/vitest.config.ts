import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // The boundaries suite runs Biome over the packages' sources on a loaded machine.
    testTimeout: 60_000,
  },
});
