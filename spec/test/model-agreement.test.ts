// The spec must agree with the official AWS model (botocore's extract, reference/) on every parameter,
// constraint, member, wire type and error status. This test walks both side by side.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { beforeAll, expect, test } from "vitest";
import { loadDereferencedSpec, specDir } from "./load-spec.js";

type Shape = Record<string, any>;
const model = JSON.parse(readFileSync(resolve(specDir, "reference/ListJobExecutionsForJob.botocore.json"), "utf8"));
const shapes: Record<string, Shape> = model.shapes;

let spec: Record<string, any>;
let op: Record<string, any>;
beforeAll(async () => {
  spec = await loadDereferencedSpec();
  op = spec.paths[model.operation.http.requestUri][model.operation.http.method.toLowerCase()];
});

/** A schema without a `null` alternative: the wire may send null where the model has an absent member. */
function nonNull(schema: Shape): Shape {
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (!alternatives) return schema;
  const rest = alternatives.filter((s: Shape) => s.type !== "null");
  expect(rest).toHaveLength(1);
  return rest[0];
}

/** Asserts that a JSON Schema describes a botocore shape exactly: type, format, constraints, members. */
function expectSchemaMatchesShape(schema: Shape, shapeName: string, where: string): void {
  const shape = shapes[shapeName];
  if (!shape) throw new Error(`model has no shape ${shapeName}`);
  const s = nonNull(schema);
  const wire: Record<string, [string, string | undefined]> = {
    string: ["string", undefined],
    timestamp: ["number", "unixtime"],
    long: ["integer", "int64"],
    integer: ["integer", "int32"],
    structure: ["object", undefined],
    list: ["array", undefined],
  };
  const [type, format] = wire[shape.type] ?? [];
  expect(s.type, `${where}: type`).toBe(type);
  if (format) expect(s.format, `${where}: format`).toBe(format);
  if (shape.type === "string") {
    expect(s.minLength, `${where}: minLength`).toBe(shape.min);
    expect(s.maxLength, `${where}: maxLength`).toBe(shape.max);
    expect(s.pattern, `${where}: pattern (anchored)`).toBe(shape.pattern ? `^${shape.pattern}$` : undefined);
    expect(s.enum, `${where}: enum`).toEqual(shape.enum);
  }
  if (shape.type === "integer" || shape.type === "long") {
    expect(s.minimum, `${where}: minimum`).toBe(shape.min);
    expect(s.maximum, `${where}: maximum`).toBe(shape.max);
  }
  if (shape.type === "list") expectSchemaMatchesShape(s.items, shape.member.shape, `${where}[]`);
  if (shape.type === "structure") {
    expect(Object.keys(s.properties ?? {}).sort(), `${where}: members`).toEqual(Object.keys(shape.members).sort());
    expect(s.required ?? [], `${where}: required members`).toEqual(shape.required ?? []);
    for (const [name, member] of Object.entries<Shape>(shape.members)) {
      expectSchemaMatchesShape(s.properties[name], member.shape, `${where}.${name}`);
    }
  }
}

test("the operation has the model's name, method and path", () => {
  expect(op.operationId).toBe(model.operation.name);
  expect(Object.keys(spec.paths)).toEqual([model.operation.http.requestUri]);
});

test("every input member is a parameter in the right place, with the same constraints", () => {
  const input = shapes[model.operation.input.shape]!;
  const where: Record<string, string> = { uri: "path", querystring: "query" };
  expect(op.parameters.map((p: Shape) => p.name).sort()).toEqual(
    Object.values<Shape>(input.members)
      .map((m) => m.locationName)
      .sort(),
  );
  for (const [name, member] of Object.entries<Shape>(input.members)) {
    const param = op.parameters.find((p: Shape) => p.name === member.locationName);
    expect(param.in, name).toBe(where[member.location]);
    expect(Boolean(param.required), `${name} required`).toBe((input.required ?? []).includes(name));
    expect(param.description, `${name} description`).toBeTruthy();
    expectSchemaMatchesShape(param.schema, member.shape, `parameter ${name}`);
  }
});

test("the 200 body matches the output shape member for member, with wire types", () => {
  const schema = op.responses["200"].content["application/json"].schema;
  expectSchemaMatchesShape(schema, model.operation.output.shape, "200 body");
});

test("every modeled error has its HTTP status, its x-amzn-ErrorType and a { message } body", () => {
  for (const { shape: name } of model.operation.errors) {
    const status = String(shapes[name]!.error.httpStatusCode);
    const response = op.responses[status];
    expect(response, `${name} → ${status}`).toBeDefined();
    expect(new RegExp(response.headers["x-amzn-ErrorType"].schema.pattern).test(name), `${name} header`).toBe(true);
    const body = response.content["application/json"].schema;
    const candidates: Shape[] = body.anyOf ?? body.oneOf ?? [body];
    expect(
      candidates.some((c) => c.properties?.message?.type === "string"),
      `${name} body`,
    ).toBe(true);
  }
  // Throttling is a 400 in IoT, never a 429.
  expect(op.responses["429"]).toBeUndefined();
});

test("the declared statuses are the model's plus the 403 every AWS endpoint gives for a bad signature", () => {
  const modeled = model.operation.errors.map((e: Shape) => String(shapes[e.shape]!.error.httpStatusCode));
  expect(Object.keys(op.responses).sort()).toEqual([...new Set(["200", "403", ...modeled])].sort());
});

test("every response carries x-amzn-RequestId, and every error response x-amzn-ErrorType", () => {
  for (const [status, response] of Object.entries<Shape>(op.responses)) {
    expect(response.headers["x-amzn-RequestId"]?.required, status).toBe(true);
    if (status !== "200") expect(response.headers["x-amzn-ErrorType"]?.required, status).toBe(true);
  }
});

test("the paginator matches the model's", () => {
  const p = model.paginator;
  expect(op["x-aws-paginator"]).toEqual({
    inputToken: p.input_token,
    outputToken: p.output_token,
    limitKey: p.limit_key,
    resultKey: p.result_key,
  });
});

test("servers use the endpoint prefix, and security describes SigV4 with the signing name", () => {
  const prefix = model.metadata.endpointPrefix;
  expect(spec.servers.map((s: Shape) => s.url)).toEqual([
    `https://${prefix}.{region}.amazonaws.com`,
    `https://${prefix}.{region}.amazonaws.com.cn`,
    `https://${prefix}-fips.{region}.amazonaws.com`,
    `https://${prefix}-fips.{region}.amazonaws.com.cn`,
  ]);
  const scheme = spec.components.securitySchemes.sigv4;
  expect(scheme["x-amazon-apigateway-authtype"]).toBe("awsSigv4");
  expect(scheme.description).toContain(`\`${model.metadata.signingName}\``);
  expect(model.metadata.signatureVersion).toBe("v4");
  expect(scheme["x-aws-sigv4"]).toMatchObject({
    algorithm: "AWS4-HMAC-SHA256",
    signingName: model.metadata.signingName,
    credentialScope: `{YYYYMMDD}/{region}/${model.metadata.signingName}/aws4_request`,
  });
  expect(spec.security).toEqual([{ sigv4: [] }]);
});

test("named examples cover a first page, a last page, an empty page and every error", () => {
  const names = (status: string) => Object.keys(op.responses[status].content["application/json"].examples);
  expect(names("200")).toEqual(["firstPage", "lastPage", "emptyPage"]);
  const ok = op.responses["200"].content["application/json"].examples;
  expect(ok.firstPage.value.nextToken).toBeTypeOf("string");
  expect(ok.lastPage.value).not.toHaveProperty("nextToken");
  expect(ok.emptyPage.value.executionSummaries).toEqual([]);
  for (const status of ["400", "403", "404", "503"]) expect(names(status).length, status).toBeGreaterThan(0);
});
