/** The JSON Schema keywords of the spec's parameter and response schemas that a value can break. */
export interface Schema {
  readonly type?: string;
  readonly oneOf?: readonly Schema[];
  readonly items?: Schema;
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly [keyword: string]: unknown;
}

type Value = string & number;

/** The value keywords, each as "is `value` outside `limit`?" (checked after `type`, in the schema's order). */
const breaks: Record<string, (value: Value, limit: never) => boolean> = {
  minLength: (v, n: number) => [...v].length < n,
  maxLength: (v, n: number) => [...v].length > n,
  pattern: (v, p: string) => !new RegExp(p, "u").test(v),
  enum: (v, values: readonly string[]) => !values.includes(v),
  minimum: (v, n: number) => v < n,
  maximum: (v, n: number) => v > n,
};

/** The JSON type of a value, `integer` for whole numbers (which are also of type `number`). */
const typeOf = (value: unknown) =>
  value === null ? "null" : Array.isArray(value) ? "array" : Number.isInteger(value) ? "integer" : typeof value;

/**
 * Where `value` first breaks `schema`: `[path, constraint, value]` with the constraint as `keyword: limit` (e.g.
 * `type: number`, `maximum: 250`), or `undefined`. A small walker over the plain data of the spec's schemas (from
 * `@iot-jobs/spec`), not a schema compiler: it knows `type`, `oneOf`, `items`, `properties` and the value keywords
 * above, every keyword the spec's parameters and 200 body use besides annotations (src/find-breach.test.ts fails
 * if the spec starts using another). Members the schema does not list are accepted, as AWS adds members over time;
 * absent ones too (none is required).
 */
export function findBreach(value: unknown, schema: Schema, path: string): [string, string, unknown] | undefined {
  const { type, oneOf, items, properties } = schema;
  if (oneOf) {
    return oneOf.some((s) => !findBreach(value, s, path))
      ? undefined
      : [path, `type: ${oneOf.map((s) => s.type).join(" or ")}`, value];
  }
  const actual = typeOf(value);
  if (type && type !== actual && !(type === "number" && actual === "integer")) return [path, `type: ${type}`, value];
  // A loop, not Object.entries: a 200 body has ~2,000 values, and each listing cost an array per value.
  for (const keyword in schema) {
    if (breaks[keyword]?.(value as Value, schema[keyword] as never))
      return [path, `${keyword}: ${schema[keyword]}`, value];
  }
  let found: [string, string, unknown] | undefined;
  if (items) (value as unknown[]).some((item, i) => (found = findBreach(item, items, `${path}[${i}]`)));
  for (const name in properties) {
    const member = (value as Record<string, unknown>)[name];
    found ??= member === undefined ? undefined : findBreach(member, properties[name]!, path ? `${path}.${name}` : name);
  }
  return found;
}

/** The message of a breach: `Invalid <what> <value>: must satisfy <constraint>`; strings quoted, numbers as is. */
export const invalid = (what: string, value: unknown, constraint: string) =>
  `Invalid ${what} ${typeof value === "number" ? value : JSON.stringify(value)?.slice(0, 100)}: must satisfy ${constraint}`;
