import { outputSchema, parameters } from "@iot-jobs/spec";
import { expect, test } from "vitest";
import { findBreach, type Schema } from "./find-breach.js";

// The keywords findBreach() understands; `format` is an annotation here (dates are converted by their names).
const KNOWN = [
  "type",
  "format",
  "oneOf",
  "items",
  "properties",
  "minLength",
  "maxLength",
  "pattern",
  "enum",
  "minimum",
  "maximum",
];

/** Every keyword used anywhere in a schema. */
const keywords = (schema: Schema): string[] => [
  ...Object.keys(schema),
  ...(schema.oneOf ?? []).flatMap(keywords),
  ...(schema.items ? keywords(schema.items) : []),
  ...Object.values(schema.properties ?? {}).flatMap(keywords),
];

test("findBreach() knows every keyword of the spec's parameter and 200 body schemas", () => {
  const used = [...keywords(outputSchema), ...parameters.flatMap((p) => keywords(p.schema))];
  expect(used.filter((k) => !KNOWN.includes(k))).toEqual([]);
});

test.each([
  // [value, schema, want]
  [1, { type: "number" }, undefined],
  [1.5, { type: "integer" }, ["p", "type: integer", 1.5]],
  [Number.NaN, { type: "integer" }, ["p", "type: integer", Number.NaN]],
  [null, { type: "object" }, ["p", "type: object", null]],
  [[], { type: "object" }, ["p", "type: object", []]],
  [{}, { type: "array" }, ["p", "type: array", {}]],
  [null, { oneOf: [{ type: "string" }, { type: "null" }] }, undefined],
  ["x", { type: "string", minLength: 2 }, ["p", "minLength: 2", "x"]],
  ["😀", { type: "string", maxLength: 1 }, undefined], // code points, not UTF-16 units
  [[1, "2"], { type: "array", items: { type: "integer" } }, ["p[1]", "type: integer", "2"]],
  [
    { a: { b: 1 } },
    { type: "object", properties: { a: { type: "object", properties: { b: { type: "string" } } } } },
    ["p.a.b", "type: string", 1],
  ],
  [{ a: undefined, z: 1 }, { type: "object", properties: { a: { type: "string" } } }, undefined],
] as [unknown, Schema, unknown][])("findBreach(%j, %j) is %j", (value, schema, want) => {
  expect(findBreach(value, schema, "p")).toEqual(want);
});

test("a breach at the root has an empty path; inside, paths are dotted with [index]", () => {
  expect(findBreach(null, outputSchema, "")?.[0]).toBe("");
  expect(findBreach({ executionSummaries: [{ thingArn: 1 }] }, outputSchema, "")?.[0]).toBe(
    "executionSummaries[0].thingArn",
  );
});
