import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { bundleForBrowser } from "@iot-jobs/test-support/bundle";
import { expect, test } from "vitest";

/**
 * The budget of test/budget/app.ts (one signed call, then the paginator, retries and validation included), as a
 * minified ESM browser bundle, in gzip bytes. aws4fetch and openapi-fetch's serializers take about 3,400 of them; see the
 * README's size table and CONTRIBUTING.md before raising it.
 */
const BUDGET = 7_000;

test("the app bundle stays within the gzip budget, and carries no spec examples nor Node modules", async () => {
  const { code, inputs } = await bundleForBrowser(
    { entry: fileURLToPath(new URL("./app.ts", import.meta.url)) },
    { minify: true },
  );
  const gzip = gzipSync(code).length;
  console.log(`client budget app: ${code.length} bytes minified, ${gzip} bytes gzip (budget ${BUDGET})`);

  expect(gzip).toBeLessThanOrEqual(BUDGET);
  // Only the tiny runtime facts of the spec are bundled: not its response examples or schemas.
  const text = new TextDecoder().decode(code);
  for (const leak of [
    "firstPage",
    "Rate exceeded",
    "123456789012",
    "x-amzn-RequestId",
    "unixtime",
    "iot-fips.{region}",
  ]) {
    expect(text).not.toContain(leak);
  }
  expect(inputs.some((i) => i.includes("openapi-fetch"))).toBe(true);
  expect(inputs.some((i) => i.includes("aws4fetch"))).toBe(true);
  expect(inputs.filter((i) => i.startsWith("node:"))).toEqual([]);
});
