import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { expect, test } from "vitest";

/**
 * The budget of test/budget/app.ts (one signed call, then the paginator, retries and validation included), as a
 * minified ESM browser bundle, in gzip bytes. See the README's size table, CONTRIBUTING.md and
 * docs/decisions/client-signers.md (where the bytes went, and came from) before raising it.
 */
const BUDGET = 7_000;

test("the app bundle stays within the gzip budget, and carries no spec examples nor Node modules", async () => {
  const result = await build({
    entryPoints: [fileURLToPath(new URL("./app.ts", import.meta.url))],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  const gzip = gzipSync(code).length;
  const inputs = Object.keys(result.metafile.inputs);
  console.log(`client budget app: ${code.length} bytes minified, ${gzip} bytes gzip (budget ${BUDGET})`);

  expect(gzip).toBeLessThanOrEqual(BUDGET);
  // Only the tiny runtime facts of the spec are bundled: not its response examples or schemas.
  const text = new TextDecoder().decode(code);
  for (const leak of ["firstPage", "Rate exceeded", "123456789012", "x-amzn-RequestId", "iot-fips.{region}"]) {
    expect(text).not.toContain(leak);
  }
  expect(inputs.some((i) => i.includes("openapi-fetch"))).toBe(true);
  // The spec's 200 body schema is bundled on purpose (responses are checked against it), its examples are not.
  expect(text).toContain("executionSummaries");
  expect(inputs.filter((i) => i.startsWith("node:"))).toEqual([]);
});
