import { defineConfig } from "tsup";

export default defineConfig({
  // Two entry points of one surface: `index` signs with aws4fetch on Web Crypto and sends with fetch, `node` (the
  // `node` export condition) signs on node:crypto and sends with node:http (chunks of their own, loaded on the
  // first call); the rest of the code is shared in chunks.
  entry: { index: "src/index.ts", node: "src/node.ts" },
  splitting: true,
  format: ["esm"],
  target: "es2022",
  platform: "neutral",
  // @iot-jobs/spec is private: bundle what we use from it (code and types) so dist never references it.
  noExternal: ["@iot-jobs/spec"],
  // The spec package exports TypeScript source without a `types` field, which tsup's resolver does not follow:
  // map it for the declaration build so that its types are inlined into dist/index.d.ts.
  dts: { resolve: true, compilerOptions: { paths: { "@iot-jobs/spec": ["../../spec/src/index.ts"] } } },
  // Keep `node:http` as written (external, prefix kept): Deno resolves Node's built-ins only with the prefix.
  removeNodeProtocol: false,
  external: [/^node:/],
  treeshake: true,
  clean: true,
  sourcemap: false,
});
