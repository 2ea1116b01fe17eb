import { parameters, servers } from "@iot-jobs/spec";
import fc from "fast-check";

/** Whether a wire value satisfies its parameter's schema; `either` where AWS's reading is not documented. */
export type Validity = "valid" | "invalid" | "either";

/** One request member as it travels (path and query values are text). */
export interface WireValue {
  readonly raw: string;
  readonly validity: Validity;
}

type Parameter = (typeof parameters)[number];
type Schema = {
  readonly type: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly enum?: readonly string[];
  readonly minimum?: number;
  readonly maximum?: number;
};

/** The parameter of that name, as the spec declares it. */
export const parameter = (name: string): Parameter => {
  const found = parameters.find((p) => p.name === name);
  if (!found) throw new Error(`the spec has no parameter ${name}`);
  return found;
};
const schemaOf = (p: Parameter) => p.schema as Schema;

// Characters that are awkward on the wire or outside ASCII: reserved URL characters, escapes, spaces, accents,
// CJK, emoji (two UTF-16 units), a combining mark.
const awkward = [" ", "+", "/", "=", "%", "&", "?", "#", ".", "~", "'", '"', "é", "€", "中", "😀", "e\u0301", "\t"];

/** The single characters a pattern accepts among printable ASCII (the spec's patterns are character classes). */
function charsOf(pattern: string): string[] {
  const re = new RegExp(pattern, "u");
  const chars = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)).filter((c) => re.test(c));
  if (chars.length === 0) throw new Error(`cannot derive the characters of pattern ${pattern}`);
  return chars;
}

/**
 * The validity of a raw value against the parameter's schema, decided independently of the mocks: lengths in
 * code points (as JSON Schema counts), the full pattern, the enum, and integers written in decimal. A
 * non-canonical integer (`+5`, `05`, `5.0`) is `either`: AWS does not document how it reads those.
 */
export function validityOf(p: Parameter, raw: string): Validity {
  const s = schemaOf(p);
  if (s.enum) return s.enum.includes(raw) ? "valid" : "invalid";
  if (s.type === "integer") {
    const m = /^([+-]?)(\d+)(?:\.(\d+))?$/.exec(raw);
    if (!m || /[1-9]/.test(m[3] ?? "")) return "invalid";
    const n = Number(raw);
    if (!(n >= (s.minimum ?? -Infinity) && n <= (s.maximum ?? Infinity))) return "invalid";
    return m[1] === "" && !/^0\d/.test(m[2]!) && m[3] === undefined ? "valid" : "either";
  }
  const length = [...raw].length;
  if (s.minLength !== undefined && length < s.minLength) return "invalid";
  if (s.maxLength !== undefined && length > s.maxLength) return "invalid";
  if (s.pattern !== undefined && !new RegExp(s.pattern, "u").test(raw)) return "invalid";
  return "valid";
}

const tag =
  (p: Parameter) =>
  (raw: string): WireValue => ({ raw, validity: validityOf(p, raw) });

function stringValues(p: Parameter): fc.Arbitrary<string> {
  const s = schemaOf(p);
  const min = s.minLength ?? 0;
  const max = s.maxLength ?? 200;
  const chars = s.pattern === undefined ? undefined : charsOf(s.pattern);
  const unit = chars ? fc.constantFrom(...chars) : fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 });
  const of = (minLength: number, maxLength: number) => fc.string({ unit, minLength, maxLength });
  const withAwkward = fc
    .tuple(of(0, Math.max(0, max - 2)), fc.constantFrom(...awkward), of(0, 3))
    .map(([a, b, c]) => a + b + c);
  return fc.oneof(
    // Edge lengths: the bounds, one inside each, one outside each (0, 1, 64, 65 for a jobId).
    of(min, min),
    of(max, max),
    of(Math.min(min + 1, max), Math.min(min + 1, max)),
    of(Math.max(max - 1, min), Math.max(max - 1, min)),
    of(max + 1, max + 1),
    ...(min > 0 ? [of(min - 1, min - 1)] : []),
    of(min, max),
    withAwkward,
    fc.string({ unit: "grapheme", minLength: 1, maxLength: max + 8 }),
  );
}

function integerValues(p: Parameter): fc.Arbitrary<string> {
  const s = schemaOf(p);
  const min = s.minimum ?? -(2 ** 31);
  const max = s.maximum ?? 2 ** 31 - 1;
  return fc.oneof(
    fc.constantFrom(min, max, min - 1, max + 1, 0, -1).map(String),
    fc.integer({ min, max }).map(String),
    fc.integer({ min: -(2 ** 31), max: min - 1 }).map(String),
    fc.integer({ min: max + 1, max: 2 ** 31 - 1 }).map(String),
    fc.bigInt({ min: 2n ** 31n, max: 2n ** 70n }).map(String),
    // Not numbers, or numbers written in ways a decimal integer parser refuses.
    fc.constantFrom("", " ", "abc", "1.5", "1e2", "0x10", "NaN", "Infinity", "-", "١٢", "１２", "12abc", "2 5", "½"),
    // Integers written non-canonically: AWS's reading is not documented.
    fc.integer({ min, max }).chain((n) => fc.constantFrom(`+${n}`, `0${n}`, `${n}.0`)),
    fc.string({ unit: "grapheme", maxLength: 6 }),
  );
}

function enumValues(p: Parameter): fc.Arbitrary<string> {
  const values = schemaOf(p).enum!;
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...values) },
    fc.constantFrom(...values).chain((v) => fc.constantFrom(v.toLowerCase(), ` ${v}`, `${v} `, `${v}S`, v.slice(1))),
    fc.constantFrom("", "ALL", "*", "0", "QUEUÉD", "😀"),
    fc.string({ unit: "grapheme", maxLength: 12 }),
  );
}

/**
 * Valid and invalid wire values of a parameter, derived from its schema alone: every enum value and invalid
 * ones; edge lengths, pattern breakers and unicode for constrained strings; bounds, out-of-range and
 * non-numeric text for integers; and any text for an unconstrained string. Each value carries its validity.
 */
export function wireValues(p: Parameter): fc.Arbitrary<WireValue> {
  const s = schemaOf(p);
  const raw = s.enum ? enumValues(p) : s.type === "integer" ? integerValues(p) : stringValues(p);
  return raw.map(tag(p));
}

/** Only the valid values of a parameter (for requests meant to get past validation). */
export const validValues = (p: Parameter): fc.Arbitrary<WireValue> =>
  wireValues(p).filter((v) => v.validity === "valid");

/** Text a client might send as a token it did not get from the service: unicode, base64-ish, very long. */
export const forgedTokens: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("", " ", "null", "%", "+/=", "😀", "AQID", "nextToken"),
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 60 }),
  fc.base64String({ minLength: 4, maxLength: 120 }),
  fc.string({
    unit: fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
    minLength: 1_000,
    maxLength: 3_000,
  }),
);

/** The AWS IoT endpoint hosts of the spec's servers, with the region each signs for. */
export const endpoints: { host: string; region: string }[] = servers.flatMap((server) => {
  const variable = server.variables.region as { default: string; enum?: readonly string[] };
  const regions = variable.enum ?? [variable.default, "eu-west-1", "ap-southeast-5", "us-gov-west-1"];
  return regions.map((region) => ({ host: new URL(server.url.replace("{region}", region)).host, region }));
});
