import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Unit tests sit beside the build scripts and the playground's modules; suites over the built site live
    // under test/.
    include: ["scripts/**/*.test.ts", "playground/**/*.test.ts", "test/**/*.test.ts", "test/e2e/**/*.e2e.ts"],
    // Launching Chromium and rendering a 2.5 MB page takes seconds on a cold machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
