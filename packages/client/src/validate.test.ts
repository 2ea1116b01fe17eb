import { parameters } from "@iot-jobs/spec";
import { expect, test } from "vitest";
import { ParamValidationError } from "./errors.js";
import { validate } from "./validate.js";

type Schema = Record<string, unknown> & { type: string };

// The keywords validate() understands. A spec change that adds another one fails the first test below.
const KNOWN = ["type", "format", "minLength", "maxLength", "pattern", "enum", "minimum", "maximum"];

/** A value that satisfies every constraint of the schema (the lower bound, the first enum value, ...). */
function valid(schema: Schema): unknown {
  if (schema.enum) return (schema.enum as string[])[0];
  if (schema.type === "integer") return (schema.minimum as number | undefined) ?? 1;
  return "a".repeat((schema.minLength as number | undefined) ?? 1);
}

/** One violating value per constraint of the schema, derived from the spec: [constraint, value]. */
function violations(required: boolean, schema: Schema): [string, unknown][] {
  const cases: [string, unknown][] = [[`type: ${schema.type}`, schema.type === "string" ? 42 : "10"]];
  if (schema.type === "integer") cases.push([`type: ${schema.type}`, 1.5], [`type: ${schema.type}`, Number.NaN]);
  if (required) cases.push(["required", undefined]);
  for (const [keyword, limit] of Object.entries(schema)) {
    const n = limit as number;
    if (keyword === "minLength" && n > 0) cases.push([`minLength: ${n}`, "a".repeat(n - 1)]);
    if (keyword === "maxLength") cases.push([`maxLength: ${n}`, "a".repeat(n + 1)]);
    if (keyword === "pattern") cases.push([`pattern: ${limit}`, "bad id!"], [`pattern: ${limit}`, "job/1"]);
    if (keyword === "enum") cases.push([`enum: ${limit}`, "NOT_A_STATUS"], [`enum: ${limit}`, "queued"]);
    if (keyword === "minimum") cases.push([`minimum: ${n}`, n - 1]);
    if (keyword === "maximum") cases.push([`maximum: ${n}`, n + 1]);
  }
  return cases;
}

const base = Object.fromEntries(parameters.map((p) => [p.name, valid(p.schema as Schema)]));

test("validate() knows every keyword the spec's parameters use", () => {
  const used = parameters.flatMap((p) => Object.keys(p.schema));
  expect(used.filter((k) => !KNOWN.includes(k))).toEqual([]);
});

test("a value at every bound of the spec passes", () => {
  expect(validate(base)).toBeUndefined();
  for (const p of parameters) {
    const s = p.schema as Schema;
    const edges = [s.minLength, s.maxLength].filter((n) => n !== undefined).map((n) => "a".repeat(n as number));
    for (const value of [...edges, ...((s.enum as string[]) ?? []), s.minimum, s.maximum].filter(
      (v) => v !== undefined,
    )) {
      expect(validate({ ...base, [p.name]: value }), `${p.name} = ${value}`).toBeUndefined();
    }
  }
  expect(validate({ jobId: "firmware-update_2026-11" })).toBeUndefined();
});

test("the message shows the value as given: strings quoted, numbers as they are (NaN, Infinity)", () => {
  expect(validate({ jobId: "j", maxResults: Number.NaN })?.message).toContain("Invalid maxResults NaN: must satisfy");
  expect(validate({ jobId: "j", maxResults: Number.POSITIVE_INFINITY })?.message).toContain(
    "Invalid maxResults Infinity",
  );
  expect(validate({ jobId: "bad id" })?.message).toContain('Invalid jobId "bad id"');
});

test("optional parameters may be absent or null", () => {
  expect(validate({ jobId: "j" })).toBeUndefined();
  expect(validate({ jobId: "j", status: null, maxResults: undefined, nextToken: null })).toBeUndefined();
});

const cases = parameters.flatMap((p) =>
  violations(p.required, p.schema as Schema).map(([constraint, value]) => ({
    name: p.name,
    constraint,
    value,
  })),
);

test.each(cases)("$name = $value breaks $constraint", ({ name, constraint, value }) => {
  const error = validate({ ...base, [name]: value });
  expect(error).toBeInstanceOf(ParamValidationError);
  expect(error).toMatchObject({ name: "ParamValidationError", field: name, value, constraint, $fault: "client" });
  expect(error?.$metadata).toEqual({ attempts: 0, totalRetryDelay: 0 });
  // The message names the field, the value and the constraint.
  expect(error?.message).toContain(name);
  expect(error?.message).toContain(typeof value === "string" ? JSON.stringify(value) : String(value));
  expect(error?.message).toContain(constraint);
});

test("every spec constraint has a case (jobId length and pattern, maxResults 1..250, status values)", () => {
  const keys = new Set(cases.map((c) => `${c.name} ${c.constraint.split(":")[0]}`));
  for (const want of ["jobId required", "jobId minLength", "jobId maxLength", "jobId pattern", "status enum"]) {
    expect(keys).toContain(want);
  }
  for (const want of ["maxResults minimum", "maxResults maximum", "maxResults type", "nextToken type"]) {
    expect(keys).toContain(want);
  }
});

test("a missing input is reported as a missing jobId", () => {
  expect(validate(undefined as never)).toMatchObject({ field: "jobId", constraint: "required" });
});
