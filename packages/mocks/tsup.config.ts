import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { defineConfig } from "tsup";

// `@iot-jobs/spec` is private: bundle its runtime facts and inline its types so that nothing in dist refers to it.
export default defineConfig({
  entry: {
    index: "src/core/index.ts",
    node: "src/node/index.ts",
    browser: "src/browser/index.ts",
    vitest: "src/vitest/index.ts",
    cli: "src/node/bin/iot-jobs-mock.ts",
  },
  format: ["esm"],
  platform: "neutral",
  target: "es2022",
  external: [/^node:/, "msw", "msw/node", "msw/browser", "vitest"],
  // Keep `node:fs/promises` as written: a bare `fs/promises` fails in Deno and in bundlers' Node-compat modes.
  removeNodeProtocol: false,
  noExternal: ["@iot-jobs/spec"],
  dts: {
    entry: {
      index: "src/core/index.ts",
      node: "src/node/index.ts",
      browser: "src/browser/index.ts",
      vitest: "src/vitest/index.ts",
    },
    resolve: ["@iot-jobs/spec"],
    // tsup's d.ts resolver reads `types`/`main`, not `exports`; the spec package only has `exports`.
    compilerOptions: { paths: { "@iot-jobs/spec": ["../../spec/src/index.ts"] } },
  },
  tsconfig: "tsconfig.node.json",
  splitting: true,
  treeshake: true,
  sourcemap: false, // maps would embed the private spec package's sources; dist is not minified anyway
  clean: true,
  // Ship the seed document's JSON Schema for editors (`"$schema": "./node_modules/@iot-jobs/mocks/dist/seed.schema.json"`).
  async onSuccess() {
    const { seedSchema } = await import(pathToFileURL(resolve("dist/index.js")).href);
    await writeFile("dist/seed.schema.json", `${JSON.stringify(seedSchema, null, 2)}\n`);
  },
});
