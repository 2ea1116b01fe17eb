import { defineConfig } from "tsup";

export default defineConfig({
  entry: { index: "src/index.ts" },
  format: ["esm"],
  target: "es2022",
  platform: "neutral",
  // @iot-jobs/spec is private: bundle what we use from it (code and types) so dist never references it.
  noExternal: ["@iot-jobs/spec"],
  dts: { resolve: ["@iot-jobs/spec"] },
  treeshake: true,
  clean: true,
  sourcemap: true,
});
