import type { ErrorObject } from "ajv";
import { type JobExecutionStatus, parameters } from "../../spec.js";
import { coralMessage, type Violation } from "./coral-message.js";
import * as validators from "./generated/validators.gen.js";

/** A request that passed validation, with typed members. */
export interface ListRequest {
  readonly jobId: string;
  readonly status: JobExecutionStatus | undefined;
  readonly maxResults: number | undefined;
  readonly nextToken: string | undefined;
}

/** The outcome of validating a request: its typed members, or the Coral message of every violation. */
export type Validation =
  | { readonly ok: true; readonly request: ListRequest }
  | { readonly ok: false; readonly message: string };

/** The precompiled validator of a parameter (`<name>Parameter`, see `validator-schemas.ts`). */
function validatorFor(name: string): validators.PrecompiledValidator {
  const validate = (validators as Record<string, validators.PrecompiledValidator | undefined>)[`${name}Parameter`];
  // Only a spec changed without `pnpm generate` gets here; CI's `generate --check` refuses that.
  if (!validate) throw new Error(`[@iot-jobs/mocks] no precompiled validator for parameter ${name}: run pnpm generate`);
  return validate;
}

/** Query and path values are strings on the wire; an integer member is compared as a number when it is one. */
function coerce(raw: string, type: string): unknown {
  if ((type === "integer" || type === "number") && /^[+-]?\d+(\.\d+)?$/.test(raw)) return Number(raw);
  return raw;
}

/**
 * Validates the path and query members against the spec's parameter schemas (ajv, draft 2020-12, precompiled) and words the
 * violations as AWS does. An absent optional member is fine; a format error is only reported alone.
 *
 * @example
 * validateRequest({ jobId: "fw" }, new URLSearchParams("maxResults=300"));
 * // { ok: false, message: "1 validation error detected: Value '300' at 'maxResults' failed to satisfy ..." }
 */
export function validateRequest(path: Readonly<Record<string, string>>, query: URLSearchParams): Validation {
  const violations: Violation[] = [];
  const values: Record<string, unknown> = {};
  for (const parameter of parameters) {
    const raw = parameter.in === "path" ? path[parameter.name] : query.get(parameter.name);
    if (raw === undefined || raw === null) continue; // path members always match the route; query ones are optional
    const value = coerce(raw, parameter.schema.type);
    const validate = validatorFor(parameter.name);
    if (validate(value)) {
      values[parameter.name] = value;
      continue;
    }
    const errors: ErrorObject[] = validate.errors ?? [];
    const relevant = errors.some((e) => e.keyword !== "format") ? errors.filter((e) => e.keyword !== "format") : errors;
    for (const e of relevant) violations.push({ member: parameter.name, raw, keyword: e.keyword, params: e.params });
  }
  if (violations.length > 0) return { ok: false, message: coralMessage(violations) };
  return {
    ok: true,
    request: {
      jobId: values.jobId as string,
      status: values.status as JobExecutionStatus | undefined,
      maxResults: values.maxResults as number | undefined,
      nextToken: values.nextToken as string | undefined,
    },
  };
}
