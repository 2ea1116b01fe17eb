import ucs2lengthExport from "ajv/dist/runtime/ucs2length.js";
import { fullFormats } from "ajv-formats/dist/formats.js";

/**
 * What the precompiled validators (`generated/validators.gen.js`) use at run time, and nothing else: ajv's
 * standalone code needs the format definitions and a few of ajv's small runtime helpers, never ajv itself.
 * The generator registers these same formats when it compiles, so compile time and run time cannot disagree.
 */

/** A string or number format: the check a value of that type must pass. */
interface FormatDefinition {
  readonly type: "number" | "string";
  readonly validate: (value: never) => boolean;
}

/**
 * The formats the spec uses: `int32` and `int64` as ajv-formats defines them, and `unixtime` (epoch seconds,
 * possibly fractional, never negative), the spec's own format for dates on the wire.
 *
 * @example
 * formats.unixtime.validate(1795935600.5); // true
 */
export const formats = {
  int32: fullFormats.int32 as FormatDefinition,
  int64: fullFormats.int64 as FormatDefinition,
  unixtime: { type: "number", validate: (n: number) => Number.isFinite(n) && n >= 0 },
} as const satisfies Record<string, FormatDefinition>;

// ajv's runtime helpers are CommonJS modules with `exports.default`. Node and bundlers in Node mode (this package
// is `type: module`) import the whole `exports` object as the default, vitest's interop the function itself.
const interopDefault = <T>(imported: T): T =>
  typeof imported === "function" ? imported : (imported as unknown as { default: T }).default;

/**
 * ajv's `ucs2length`: a string's length in code points, as JSON Schema's `minLength`/`maxLength` count it.
 *
 * @example
 * ucs2length("😀"); // 1
 */
export const ucs2length: (text: string) => number = interopDefault(ucs2lengthExport);
