// The runtime module generated from the spec says what the spec says (parameters and responses are the
// spec's, dereferenced); a stale or hand-edited generated file fails here and in `generate --check`.
import { beforeAll, expect, test } from "vitest";
import { dateMembers, jobExecutionStatuses, operation, outputSchema, parameters, responses } from "../src/index.js";
import { loadDereferencedSpec } from "./load-spec.js";

let op: Record<string, any>;
beforeAll(async () => {
  op = (await loadDereferencedSpec()).paths[operation.path].get;
});

test("parameters carry the spec's constraints, without annotations", () => {
  expect(parameters.map((p) => p.name)).toEqual(op.parameters.map((p: any) => p.name));
  const jobId = parameters.find((p) => p.name === "jobId")!;
  expect(jobId.schema).toEqual({ type: "string", minLength: 1, maxLength: 64, pattern: "^[a-zA-Z0-9_-]+$" });
});

test("statuses, date members and response statuses come from the spec", () => {
  expect(jobExecutionStatuses).toEqual(op.parameters.find((p: any) => p.name === "status").schema.enum);
  expect(dateMembers).toEqual(["queuedAt", "startedAt", "lastUpdatedAt"]);
  expect(Object.keys(responses).sort()).toEqual(Object.keys(op.responses).sort());
  expect(Object.keys(responses["200"].examples)).toEqual(["firstPage", "lastPage", "emptyPage"]);
});

test("outputSchema is the 200 body's schema alone, for bundles that check responses", () => {
  expect(outputSchema).toEqual(responses["200"].schema);
  expect(Object.keys(outputSchema.properties)).toEqual(["executionSummaries", "nextToken"]);
});
