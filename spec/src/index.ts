/**
 * The one source of truth of iot-jobs: the types openapi-typescript generates from `openapi.yaml`, readable
 * aliases for them, and the operation's runtime facts (parameters, responses, servers).
 *
 * This package is private and never published: the client and mocks bundle what they use from it into their
 * own `dist` (code and `.d.ts`), so consumers never depend on it.
 */

// Generated types (openapi-typescript), for openapi-fetch and openapi-msw.
export type { components, operations, paths } from "../generated/openapi.js";

// Runtime facts derived from the spec.
export {
  dateMembers,
  jobExecutionStatuses,
  operation,
  outputSchema,
  parameters,
  responses,
  servers,
  signingName,
} from "../generated/operation.gen.js";

// Readable aliases.
export type * from "./types.js";
