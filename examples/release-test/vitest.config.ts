import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // Copying the repository takes a second or two; the release dry run builds (a turbo cache hit after
    // `pnpm build`, about a minute from scratch) and packs both packages.
    hookTimeout: 60_000,
    testTimeout: 180_000,
    // GitHub's workflow parser imports its JSON schema without an import attribute, which Node 20 refuses:
    // Vite's transform loads it instead.
    server: { deps: { inline: ["@actions/workflow-parser"] } },
  },
});
