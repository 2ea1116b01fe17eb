import { responses } from "@iot-jobs/spec";
import { expect, test } from "vitest";
import { categories, exampleCategories } from "./categories.js";

// The coverage report's mapping is derived from the spec: these tests prove it cannot drift from it.

const withExample = (status: keyof typeof responses, name: string, body: unknown) => ({
  ...responses,
  [status]: { ...responses[status], examples: { ...responses[status].examples, [name]: body } },
});

test("every named example of the spec has a category, for its status, that recognises the example", () => {
  const rows = exampleCategories(responses);
  const examples = Object.entries(responses).flatMap(([status, r]) =>
    Object.keys(r.examples).map((e) => `${status} ${e}`),
  );
  expect(rows.map((r) => `${r.status} ${r.example}`)).toEqual(examples);
  expect(examples.length).toBeGreaterThanOrEqual(11);
});

test("a new example in the spec without a category fails the mapping, naming it", () => {
  const spec = withExample("404", "thingNotFound", { message: "Thing x does not exist." });
  expect(() => exampleCategories(spec)).toThrow(/404 example "thingNotFound" has no category/);
});

test("an example whose category does not recognise it, or is for another status, fails the mapping", () => {
  // A 200 example with items and no token is a lastPage, not a firstPage.
  const moved = withExample("200", "firstPage", responses["200"].examples.lastPage);
  expect(() => exampleCategories(moved)).toThrow(/200 "firstPage": its category does not recognise the example/);
  const elsewhere = withExample("503", "throttled", { message: "Rate exceeded" });
  expect(() => exampleCategories(elsewhere)).toThrow(/503 "throttled": its category is for 400/);
});

test("a category's error type must be one the status's x-amzn-ErrorType pattern accepts", () => {
  const table = { ...categories, jobNotFound: { ...categories.jobNotFound!, errorType: "NotFoundException" } };
  expect(() => exampleCategories(responses, table)).toThrow(/NotFoundException does not match/);
});
