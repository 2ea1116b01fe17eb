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

/** Each schema's value keywords with their limits, listed once per schema object (a 200 body has ~2,000 values). */
const listed = new WeakMap<Schema, [string, unknown][]>();
const valueKeywords = (schema: Schema) => {
  let list = listed.get(schema);
  if (!list) {
    list = Object.entries(schema).filter(([keyword]) => breaks[keyword]);
    listed.set(schema, list);
  }
  return list;
};

/** A breach with its path from the walked value down, innermost first: a member name, or an item's index. */
type Found = [(string | number)[], string, unknown];

/** The walk of `findBreach`; the path is spelled only for a breach, not for every value on the way. */
function walk(value: unknown, schema: Schema): Found | undefined {
  const { type, oneOf, items, properties } = schema;
  if (oneOf) {
    return oneOf.some((s) => !walk(value, s))
      ? undefined
      : [[], `type: ${oneOf.map((s) => s.type).join(" or ")}`, value];
  }
  const actual = typeOf(value);
  if (type && type !== actual && !(type === "number" && actual === "integer")) return [[], `type: ${type}`, value];
  for (const [keyword, limit] of valueKeywords(schema)) {
    if (breaks[keyword]?.(value as Value, limit as never)) return [[], `${keyword}: ${limit}`, value];
  }
  let found: Found | undefined;
  if (items) {
    const list = value as unknown[];
    for (let i = 0; i < list.length && !found; i++) {
      found = walk(list[i], items);
      found?.[0].push(i);
    }
  }
  for (const name in properties) {
    if (found) break;
    const member = (value as Record<string, unknown>)[name];
    if (member !== undefined) found = walk(member, properties[name]!);
    found?.[0].push(name);
  }
  return found;
}

/**
 * Where `value` first breaks `schema`: `[path, constraint, value]` with the constraint as `keyword: limit` (e.g.
 * `type: number`, `maximum: 250`), or `undefined`. A small walker over the plain data of the spec's schemas (from
 * `@iot-jobs/spec`), not a schema compiler: it knows `type`, `oneOf`, `items`, `properties` and the value keywords
 * above, every keyword the spec's parameters and 200 body use besides annotations (src/find-breach.test.ts fails
 * if the spec starts using another). Members the schema does not list are accepted, as AWS adds members over time;
 * absent ones too (none is required).
 */
export function findBreach(value: unknown, schema: Schema, path: string): [string, string, unknown] | undefined {
  const found = walk(value, schema);
  if (!found) return undefined;
  const [steps, constraint, breaking] = found;
  for (const step of steps.reverse()) {
    path = typeof step === "number" ? `${path}[${step}]` : path ? `${path}.${step}` : step;
  }
  return [path, constraint, breaking];
}

/** The message of a breach: `Invalid <what> <value>: must satisfy <constraint>`; strings quoted, numbers as is. */
export const invalid = (what: string, value: unknown, constraint: string) =>
  `Invalid ${what} ${typeof value === "number" ? value : JSON.stringify(value)?.slice(0, 100)}: must satisfy ${constraint}`;
