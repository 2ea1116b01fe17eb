import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { bundleForBrowser } from "@iot-jobs/test-support/bundle";
import { expect, test } from "vitest";

/**
 * The budget of test/budget/app.ts (one signed call, then the paginator, retries and validation included), as a
 * minified ESM browser bundle, in gzip bytes. See the README's size table, CONTRIBUTING.md and
 * docs/decisions/client-signers.md (where the bytes went, and came from) before raising it.
 *
 * It was 7,000 until issue 15 added root causes, the region check, checked responses, page retries and clock-skew
 * correction (about 1,550 bytes together). The only way back under 7,000 that was found is a SigV4 signer of our
 * own, which the project does not write (aws4fetch signs): 8,000 holds the size the features cost, and the bench
 * keeps reporting the 7,000 goal as missed.
 */
const BUDGET = 8_000;

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
  for (const leak of ["firstPage", "Rate exceeded", "123456789012", "x-amzn-RequestId", "iot-fips.{region}"]) {
    expect(text).not.toContain(leak);
  }
  expect(inputs.some((i) => i.includes("openapi-fetch"))).toBe(true);
  // The default entry signs with aws4fetch (a well-kept SigV4 library), never with a signer of our own.
  expect(inputs.some((i) => i.includes("aws4fetch"))).toBe(true);
  // The spec's 200 body schema is bundled on purpose (responses are checked against it), its examples are not.
  expect(text).toContain("executionSummaries");
  expect(inputs.filter((i) => i.startsWith("node:"))).toEqual([]);
});
