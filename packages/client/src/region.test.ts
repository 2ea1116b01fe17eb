import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { servers } from "@iot-jobs/spec";
import { expect, test } from "vitest";
import { isRegion, nearestRegion } from "./region.js";

/** Every region of every partition the official SDK knows (its partitions.json), read from the installed SDK. */
async function sdkRegions(): Promise<string[]> {
  const fromIot = createRequire(createRequire(import.meta.url).resolve("@aws-sdk/client-iot"));
  const core = dirname(fromIot.resolve("@aws-sdk/core/package.json"));
  const file = join(core, "dist-es/submodules/client/util-endpoints/lib/aws/partitions.js");
  const { partitions } = JSON.parse((await readFile(file, "utf8")).replace(/^[^{]*/, "").replace(/;\s*$/, ""));
  // Global pseudo-regions (`aws-global`, `aws-cn-global`, ...) are endpoint aliases, not regions to sign for.
  return partitions
    .flatMap((p: { regions: object }) => Object.keys(p.regions))
    .filter((r: string) => !/global$/.test(r));
}

test("every region the AWS SDK knows, and every region the spec names, has a region's shape", async () => {
  const known = await sdkRegions();
  expect(known.length).toBeGreaterThan(40);
  const spec = servers.flatMap((s) => [
    s.variables.region.default,
    ...("enum" in s.variables.region ? s.variables.region.enum : []),
  ]);
  expect([...known, ...spec].filter((r) => !isRegion(r))).toEqual([]);
});

test("a known region is its own nearest region", async () => {
  for (const region of await sdkRegions()) expect(nearestRegion(region)).toBe(region);
});

test.each(["eu-wset-1", "us-eats-1", "eu-centrl-1", "ap-nroth-1", "local", "us-east-1a", "eu-west", "useast1"])(
  "%j is not a region",
  (text) => {
    expect(isRegion(text)).toBe(false);
  },
);
