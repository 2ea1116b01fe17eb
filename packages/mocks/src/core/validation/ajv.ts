import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

/** The JSON Schema validator type the mocks use (ajv, draft 2020-12, as OpenAPI 3.1 requires). */
export type Validator = InstanceType<typeof Ajv2020>;

let shared: Validator | undefined;

/**
 * The shared ajv instance: draft 2020-12, every error reported (Coral lists them all), the OpenAPI formats
 * the spec uses (`int32`, `int64` from ajv-formats, and `unixtime`: epoch seconds, possibly fractional).
 *
 * @example
 * const validate = sharedAjv().compile({ type: "integer", format: "int32", minimum: 1 });
 */
export function sharedAjv(): Validator {
  if (!shared) {
    shared = new Ajv2020({ allErrors: true, strict: true });
    addFormats(shared, ["int32", "int64"]);
    shared.addFormat("unixtime", { type: "number", validate: (n: number) => Number.isFinite(n) && n >= 0 });
  }
  return shared;
}
