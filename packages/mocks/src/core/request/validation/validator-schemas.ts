import { parameters } from "../../spec.js";
import { seedSchema } from "../../state/fixtures/seed-schema.js";
import {
  executionNumberSchema,
  parameterSchema,
  retryAttemptSchema,
  summaryMemberSchema,
  thingNameSchema,
} from "./schemas.js";

/**
 * Every JSON Schema the mocks validate with, by the name of its precompiled validator. Only the generator
 * (`scripts/generate-validators.mjs`) and tests read this: run-time code imports the validators it produced
 * (`generated/validators.gen.js`), so a schema added here needs `pnpm generate`. Each request parameter of the
 * spec gets `<name>Parameter`, so a parameter added to the spec gets its validator on the next generation.
 *
 * @example
 * Object.keys(validatorSchemas); // ["jobIdParameter", "statusParameter", ..., "seedDocument", "thingName", ...]
 */
export const validatorSchemas: Readonly<Record<string, object>> = {
  ...Object.fromEntries(parameters.map((p) => [`${p.name}Parameter`, parameterSchema(p.name)])),
  seedDocument: seedSchema,
  thingName: thingNameSchema,
  executionStatus: summaryMemberSchema("status"),
  executionNumber: executionNumberSchema,
  retryAttempt: retryAttemptSchema,
};
