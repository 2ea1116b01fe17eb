import type { ErrorObject } from "ajv";
import { describe, FixtureError, SeedError, type SeedIssue } from "./errors.js";
import { type ScenarioName, type ScenarioOptions, scenarios } from "./scenarios.js";
import { seedSchema } from "./seed-schema.js";
import type { MockJob } from "./store/job.js";
import type { MockStore } from "./store/store.js";
import type { JobFixture } from "./store/types.js";
import { constraintPhrase } from "./validation/coral-message.js";
import * as validators from "./validation/generated/validators.gen.js";

/**
 * A seed document (the JSON a seed file holds): jobs written out, and ready scenarios by name. Times are ISO 8601
 * strings or epoch milliseconds. See `seedSchema` for the JSON Schema.
 *
 * @example
 * const seed: SeedDocument = {
 *   jobs: [{ jobId: "fw-1", executions: [{ thingName: "sensor-1", status: "SUCCEEDED" }] }],
 *   scenarios: [{ name: "largeFleet", jobId: "fleet", count: 10_000 }],
 * };
 */
export interface SeedDocument {
  readonly $schema?: string;
  readonly jobs?: readonly JobFixture[];
  readonly scenarios?: readonly (ScenarioOptions & { readonly name: ScenarioName })[];
}

const pointerToField = (pointer: string) =>
  pointer
    .split("/")
    .slice(1)
    .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce((field, part) => (/^\d+$/.test(part) ? `${field}[${part}]` : field ? `${field}.${part}` : part), "");
const valueAt = (doc: unknown, pointer: string) =>
  pointer
    .split("/")
    .slice(1)
    .reduce<unknown>(
      (v, p) => (v as Record<string, unknown> | undefined)?.[p.replace(/~1/g, "/").replace(/~0/g, "~")],
      doc,
    );

/** Words one ajv error of the seed schema as a field and a message. */
function issueOf(doc: unknown, e: ErrorObject): SeedIssue {
  const at = pointerToField(e.instancePath) || "(root)";
  const value = describe(valueAt(doc, e.instancePath));
  switch (e.keyword) {
    case "required":
      return { field: `${at === "(root)" ? "" : `${at}.`}${e.params.missingProperty}`, message: "is required" };
    case "additionalProperties":
      return {
        field: `${at === "(root)" ? "" : `${at}.`}${e.params.additionalProperty}`,
        message: "is not a known field",
      };
    case "anyOf":
      return {
        field: at,
        message: `value ${value} must be an ISO 8601 date-time string (years 1970 to 9999) or epoch milliseconds from 0 to 253402300799999`,
      };
    case "propertyNames":
      return { field: `${at}.${e.params.propertyName}`, message: "is not an allowed key" };
    default: {
      const phrase = constraintPhrase({ member: at, raw: value, keyword: e.keyword, params: e.params });
      return { field: at, message: `value ${value} ${phrase.replace(/^Member must/, "must")}` };
    }
  }
}

/**
 * Checks a seed document against {@link seedSchema} and throws a {@link SeedError} listing every issue.
 *
 * @example
 * checkSeed(JSON.parse(readFileSync("fleet.json", "utf8")));
 */
export function checkSeed(doc: unknown, source = "seed"): SeedDocument {
  const validate = validators.seedDocument; // seedSchema, precompiled
  if (validate(doc)) return doc as SeedDocument;
  const errors = validate.errors ?? [];
  // An anyOf (a time) explains itself better than the failures of its branches.
  const anyOfPaths = new Set(errors.filter((e) => e.keyword === "anyOf").map((e) => e.instancePath));
  const kept = errors.filter((e) => e.keyword === "anyOf" || !anyOfPaths.has(e.instancePath));
  const issues = kept
    .filter((e) => !(e.keyword === "enum" && e.propertyName !== undefined))
    .map((e) => issueOf(doc, e));
  throw new SeedError(issues, source);
}

/**
 * Seeds a store: checks the whole document first, then creates its jobs and scenarios; if any fails (a
 * consistency rule the schema cannot express), the jobs created so far are deleted and a {@link SeedError} names it.
 *
 * @example
 * applySeed(mock.store, { scenarios: [{ name: "rolloutInProgress" }] });
 */
export function applySeed(store: MockStore, doc: unknown, source = "seed"): MockJob[] {
  const seed = checkSeed(doc, source);
  const created: MockJob[] = [];
  try {
    for (const [i, fixture] of (seed.jobs ?? []).entries()) created.push(store.create(fixture, `jobs[${i}]`));
    for (const [i, { name, ...options }] of (seed.scenarios ?? []).entries()) {
      created.push(store.create(scenarios[name](options), `scenarios[${i}]`));
    }
  } catch (error) {
    for (const job of created) store.deleteJob(job.jobId, { accountId: job.accountId });
    if (error instanceof FixtureError) throw new SeedError([{ field: error.field, message: error.detail }], source);
    throw error;
  }
  return created;
}
