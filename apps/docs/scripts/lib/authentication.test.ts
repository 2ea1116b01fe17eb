import { createRequire } from "node:module";
import { expect, test } from "vitest";
import { AUTHENTICATION_TAG, describeScheme, withAuthentication } from "./authentication.mjs";

// The bundled spec, as the build renders it.
const spec = createRequire(import.meta.url)("@iot-jobs/spec/openapi.json");

test("withAuthentication adds a trait tag describing each of the spec's security schemes", () => {
  const out = withAuthentication(spec);
  const [tag, ...rest] = out.tags;
  expect(tag.name).toBe(AUTHENTICATION_TAG);
  expect(tag["x-traitTag"]).toBe(true);
  expect(rest).toEqual(spec.tags);
  for (const [id, scheme] of Object.entries<Record<string, string>>(spec.components.securitySchemes)) {
    expect(tag.description).toContain(`## ${id}`);
    expect(tag.description).toContain(scheme.description?.trim());
    expect(tag.description).toContain(`\`${scheme.name}\``);
  }
});

test("describeScheme lists type, where the credential travels and vendor extensions", () => {
  const md = describeScheme("sigv4", {
    type: "apiKey",
    in: "header",
    name: "Authorization",
    description: "Sign it.",
    "x-amazon-apigateway-authtype": "awsSigv4",
  });
  expect(md.split("\n")).toEqual([
    "## sigv4",
    "",
    "| Field | Value |",
    "| --- | --- |",
    "| Type | `apiKey` |",
    "| Sent in the header | `Authorization` |",
    "| `x-amazon-apigateway-authtype` | `awsSigv4` |",
    "",
    "Sign it.",
  ]);
  expect(describeScheme("bearer", { type: "http", scheme: "bearer" })).toContain("| HTTP scheme | `bearer` |");
});

test("withAuthentication leaves a document without security schemes as it is", () => {
  const doc = { openapi: "3.1.0", paths: {} };
  expect(withAuthentication(doc)).toBe(doc);
});
