import { operation, responses } from "@iot-jobs/spec";
import openapi from "@iot-jobs/spec/openapi.json" with { type: "json" };
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

/** A response as the spec sees it: status, the headers that matter, the parsed body. */
export interface Observed {
  readonly status: number;
  readonly errorType: string | undefined;
  readonly requestId: string | undefined;
  readonly body: Record<string, unknown>;
}

export type DeclaredStatus = keyof typeof responses;
type HeaderSpec = { readonly required: boolean; readonly schema: object };

// An independent validator (not the mocks' own ajv instance), with the formats the spec uses.
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv, ["int32", "int64"]);
ajv.addFormat("unixtime", { type: "number", validate: (n: number) => Number.isFinite(n) && n >= 0 });

/**
 * The spec's schema made closed: every object schema that lists `properties` gets `additionalProperties: false`,
 * so a member the spec does not declare (moto's `jobId`, say) fails instead of slipping through.
 */
function closed(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closed);
  if (schema === null || typeof schema !== "object") return schema;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) copy[key] = key === "enum" ? value : closed(value);
  if ("properties" in copy && !("additionalProperties" in copy)) copy.additionalProperties = false;
  return copy;
}

const bodies = new Map<string, ValidateFunction>(
  Object.entries(responses).map(([status, r]) => [status, ajv.compile(closed(r.schema) as object)]),
);
const headers = new Map<string, ValidateFunction>();
const headerValidator = (status: string, name: string, schema: object) => {
  const key = `${status} ${name}`;
  if (!headers.has(key)) headers.set(key, ajv.compile(schema));
  return headers.get(key)!;
};

type RefOr<T> = T | { $ref: string };
type OpenApiResponse = { content?: Record<string, unknown> };
const resolve = <T>(node: RefOr<T>): T => {
  if (!("$ref" in (node as object))) return node as T;
  const path = (node as { $ref: string }).$ref.replace(/^#\//, "").split("/");
  return path.reduce<unknown>((at, key) => (at as Record<string, unknown>)[key], openapi) as T;
};
const documented = (openapi.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>)[
  operation.path
]![operation.method.toLowerCase()]!.responses;

/** The media types the bundled document declares for a status (`application/json` for every one of them). */
export const mediaTypes = (status: string): string[] =>
  Object.keys(resolve<OpenApiResponse>(documented[status] as RefOr<OpenApiResponse>).content ?? {});

/**
 * Checks one response against the spec and returns what it observed, or throws an Error naming every
 * difference: the status must be declared, the content type one the spec declares for it, the body valid
 * against the (closed) schema of that status, every required header present and valid against its schema
 * (which makes `x-amzn-ErrorType` match the status's pattern).
 */
export async function checkAgainstSpec(response: Response, label: string): Promise<Observed> {
  const problems: string[] = [];
  const status = String(response.status);
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    problems.push(`body is not JSON: ${text.slice(0, 120)}`);
  }
  if (!(status in responses)) problems.push(`status ${status} is not declared (${Object.keys(responses).join(", ")})`);
  else {
    const type = response.headers.get("content-type")?.split(";")[0];
    if (!mediaTypes(status).includes(type ?? "")) problems.push(`content-type ${type} is not declared for ${status}`);
    const validate = bodies.get(status)!;
    if (body !== undefined && !validate(body)) problems.push(`body: ${ajv.errorsText(validate.errors)}`);
    const declared = responses[status as DeclaredStatus].headers as Record<string, HeaderSpec>;
    for (const [name, header] of Object.entries(declared)) {
      const value = response.headers.get(name);
      if (value === null) {
        if (header.required) problems.push(`required header ${name} is missing`);
        continue;
      }
      const valid = headerValidator(status, name, header.schema);
      if (!valid(value)) problems.push(`header ${name}: ${JSON.stringify(value)} ${ajv.errorsText(valid.errors)}`);
    }
  }
  if (problems.length > 0) {
    throw new Error(
      `${label}: ${response.status} ${JSON.stringify(body ?? text).slice(0, 300)}\n- ${problems.join("\n- ")}`,
    );
  }
  return {
    status: response.status,
    errorType: response.headers.get("x-amzn-ErrorType") ?? undefined,
    requestId: response.headers.get("x-amzn-RequestId") ?? undefined,
    body: body as Record<string, unknown>,
  };
}
