import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { bundleForBrowser } from "@iot-jobs/test-support/bundle";
import { expect, test } from "vitest";

// The built browser entry, bundled as an app would bundle it, compiles no code at run time: no `eval`, no
// `Function` constructor, so it runs under a Content-Security-Policy without 'unsafe-eval'. The validators are
// precompiled (scripts/generate-validators.mjs); of ajv only its small runtime helpers may be in the bundle.
const root = fileURLToPath(new URL("../..", import.meta.url));
if (!existsSync(`${root}dist/browser.js`))
  throw new Error(`${root}dist is missing: run \`pnpm --filter @iot-jobs/mocks run build\` first`);

async function bundle(contents: string) {
  const { text, inputs } = await bundleForBrowser({ contents, resolveDir: root }, { minify: true });
  return { code: text, inputs };
}

/** Every place the code could compile a string: `eval(`, `Function(` (with or without `new`), and their context. */
const codeGeneration = (code: string) =>
  [...code.matchAll(/\beval\s*\(|\bFunction\s*\(/g)].map((m) => code.slice(Math.max(0, m.index - 40), m.index + 40));

/** A bundle input's package and path inside it, e.g. `ajv/dist/runtime/ucs2length.js`. */
const packagePath = (input: string) => input.replace(/^.*node_modules\/(?!\.pnpm)/, "");

test("the browser entry (msw included) calls neither eval nor the Function constructor", async () => {
  const { code, inputs } = await bundle(`export * from "@iot-jobs/mocks/browser";`);
  expect(inputs.map(packagePath)).toContain("msw/lib/browser/index.mjs");
  expect(codeGeneration(code)).toEqual([]);
});

test("of ajv, the browser entry bundles only the runtime helpers the precompiled validators import", async () => {
  const { inputs } = await bundle(`export * from "@iot-jobs/mocks/browser";`);
  const ajv = inputs.map(packagePath).filter((p) => /^ajv(-formats)?\//.test(p));
  expect(ajv.sort()).toEqual(["ajv-formats/dist/formats.js", "ajv/dist/runtime/ucs2length.js"]);
});

test("the check sees the code generation that compiling a schema at run time brings", async () => {
  // What the mocks bundled before: ajv's compiler. Without this the two tests above could pass on a blind scan.
  const { code } = await bundle(`import Ajv from "ajv/dist/2020.js"; export const v = new Ajv().compile({});`);
  expect(codeGeneration(code).length).toBeGreaterThan(0);
});
