import { createRequire } from "node:module";
import { expect, test } from "vitest";
import { AUTHENTICATION_TAG, describeScheme, SIGV4_TITLE, withAuthentication } from "./authentication.mjs";

// The bundled spec, as the build renders it.
const spec = createRequire(import.meta.url)("@iot-jobs/spec/openapi.json");

test("withAuthentication adds a trait tag describing each of the spec's security schemes", () => {
  const out = withAuthentication(spec);
  const [tag, ...rest] = out.tags;
  expect(tag.name).toBe(AUTHENTICATION_TAG);
  expect(tag["x-traitTag"]).toBe(true);
  expect(rest).toEqual(spec.tags);
  for (const [id, scheme] of Object.entries<Record<string, string>>(spec.components.securitySchemes)) {
    expect(tag.description).toContain(`\`${id}\``);
    expect(tag.description).toContain(scheme.description?.trim());
    expect(tag.description).toContain(`\`${scheme.name}\``);
  }
});

test("the spec's SigV4 scheme reads as a signature, not as an API key: what signs, the service, the headers", () => {
  const { sigv4 } = spec.components.securitySchemes;
  const md = describeScheme("sigv4", sigv4);
  const lines = md.split("\n");
  expect(lines[0]).toBe(`## ${SIGV4_TITLE}`);
  expect(lines).toContain("| Algorithm | `AWS4-HMAC-SHA256` |");
  expect(lines).toContain("| Service (signing name) | `iot` |");
  expect(lines).toContain("| Credential scope | `{YYYYMMDD}/{region}/iot/aws4_request` |");
  expect(md).toMatch(
    /\| What signs \| Your AWS credentials: an access key ID and a secret access key.*there is no API key\. \|/,
  );
  expect(md).not.toContain("| Type |");
  const headers = lines.filter((line) => /^\| `[\w-]+` \|/.test(line)).map((line) => line.split("`")[1]);
  expect(headers).toEqual(sigv4["x-aws-sigv4"].headers.map((h: { name: string }) => h.name));
  expect(headers).toEqual(["Authorization", "X-Amz-Date", "X-Amz-Security-Token"]);
  expect(md.endsWith(sigv4.description.trim())).toBe(true);
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
