import { MAX_TIME_MS, MIN_EPOCH_MS } from "./clock/time-input.js";
import { parameters } from "./spec.js";
import {
  executionNumberSchema,
  retryAttemptSchema,
  summaryMemberSchema,
  thingNameSchema,
} from "./validation/schemas.js";

const time = {
  anyOf: [
    { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}" },
    // Epoch milliseconds from 2001 (a smaller number is most likely seconds) to the end of year 9999.
    { type: "number", minimum: MIN_EPOCH_MS, maximum: MAX_TIME_MS },
  ],
};
/** The most things one fleet fixture (or one scenario) may have: also the default `maxExecutions`. */
export const MAX_FLEET_COUNT = 10_000_000;
const fleetCount = { type: "integer", minimum: 1, maximum: MAX_FLEET_COUNT };
const safeInteger = { type: "integer", minimum: -9_007_199_254_740_991, maximum: 9_007_199_254_740_991 };
const status = summaryMemberSchema("status");
const weights = (names: object) => ({
  type: "object",
  propertyNames: names,
  additionalProperties: { type: "number", minimum: 0, maximum: 1_000_000_000 }, // weights: sums stay finite
});
const scope = {
  accountId: { type: "string", pattern: "^\\d{12}$" },
  accessKeyId: { type: "string", minLength: 1 },
  region: { type: "string", pattern: "^[a-z]{2}(-[a-z]+)+-\\d+$" },
};
const jobId = parameters.find((p) => p.name === "jobId")!.schema;

/**
 * The JSON Schema (draft 2020-12) of a seed document, built from the spec's own schemas (job id, statuses,
 * execution members) plus the fixture rules. Publish it next to seed files as `$schema` for editor completion.
 *
 * @example
 * writeFileSync("seed.schema.json", JSON.stringify(seedSchema)); // what dist/seed.schema.json holds
 */
export const seedSchema = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "urn:iot-jobs:mocks:seed",
  title: "@iot-jobs/mocks seed",
  type: "object",
  additionalProperties: false,
  properties: {
    $schema: { type: "string" },
    jobs: {
      type: "array",
      items: {
        type: "object",
        required: ["jobId"],
        additionalProperties: false,
        properties: {
          jobId,
          ...scope,
          executions: {
            type: "array",
            items: {
              type: "object",
              required: ["thingName"],
              additionalProperties: false,
              properties: {
                thingName: thingNameSchema,
                status,
                queuedAt: time,
                startedAt: time,
                lastUpdatedAt: time,
                executionNumber: executionNumberSchema,
                retryAttempt: retryAttemptSchema,
              },
            },
          },
          fleet: {
            type: "object",
            required: ["count"],
            additionalProperties: false,
            properties: {
              count: fleetCount,
              thingNamePrefix: { type: "string" },
              statuses: weights(status),
              seed: safeInteger,
              queuedAt: time,
              retryAttempts: { type: "integer", minimum: 0, maximum: 2_147_483_647 },
            },
          },
          rollout: {
            type: "object",
            required: ["ratePerMinute"],
            additionalProperties: false,
            properties: {
              ratePerMinute: { type: "number", exclusiveMinimum: 0, maximum: 6_000_000 }, // up to 100 per ms
              durationMs: { type: "number", minimum: 0, maximum: 253_402_300_799_999 },
              outcomes: weights({ enum: ["SUCCEEDED", "FAILED", "TIMED_OUT", "REJECTED"] }),
              maxRetries: { type: "integer", minimum: 0, maximum: 2_147_483_647 },
              seed: safeInteger,
            },
          },
        },
      },
    },
    scenarios: {
      type: "array",
      items: {
        type: "object",
        required: ["name"],
        additionalProperties: false,
        properties: {
          name: { enum: ["rolloutInProgress", "failedRollout", "largeFleet"] },
          jobId,
          count: fleetCount,
          ...scope,
        },
      },
    },
  },
} as const;
