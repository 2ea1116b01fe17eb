import { createRequire } from "node:module";
import { expect, test } from "vitest";
import { AUTHENTICATION_TAG } from "./lib/authentication.mjs";
import { GUIDES_GROUP, REFERENCE_GROUP, readGuides } from "./lib/guides.mjs";
import { guidesDir } from "./lib/paths.mjs";
import { withSoftBreaksUnwrapped } from "./lib/soft-breaks.mjs";
import iotJobsDocsPlugin from "./redocly-plugin.mjs";

const spec = createRequire(import.meta.url)("@iot-jobs/spec/openapi.json");

test("the compose decorator files the guides first, then Authentication and the spec's tags", () => {
  const plugin = iotJobsDocsPlugin();
  expect(plugin.id).toBe("iot-jobs-docs");
  const root = structuredClone(spec);
  plugin.decorators.oas3.compose().Root.leave(root);
  const guides = readGuides(guidesDir).map((g) => g.title);
  expect(guides.length).toBeGreaterThan(0);
  const specTags = spec.tags.map((t: { name: string }) => t.name);
  expect(root.tags.map((t: { name: string }) => t.name)).toEqual([...guides, AUTHENTICATION_TAG, ...specTags]);
  expect(root["x-tagGroups"]).toEqual([
    { name: GUIDES_GROUP, tags: guides },
    { name: REFERENCE_GROUP, tags: [AUTHENTICATION_TAG, ...specTags] },
  ]);
  expect(JSON.stringify(root.servers)).not.toContain("`");
  // Only tags, tag groups, server descriptions and the line breaks inside descriptions change: the API itself is
  // rendered as specified.
  expect(root.paths).toEqual(withSoftBreaksUnwrapped(spec.paths));
  expect(root.components).toEqual(withSoftBreaksUnwrapped(spec.components));
  expect(spec.paths["/jobs/{jobId}/things"].get.description).toMatch(/given\n/);
  expect(root.paths["/jobs/{jobId}/things"].get.description).toMatch(/given `?status/);
});
