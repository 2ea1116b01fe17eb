import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // test/start-*.test.ts run `pnpm start` itself, one after the other: the --once run's turbo build (a cache hit
    // after `pnpm build`) must not replay dist/ under the served run.
    fileParallelism: false,
    testTimeout: 20_000,
  },
});
