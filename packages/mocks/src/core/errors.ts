/**
 * Errors thrown by the mocks' own API (fixtures, lifecycle, seeds, options). They never reach the wire: HTTP
 * errors are AWS-shaped responses, built in `request/http/aws-response.ts`.
 */

const prefix = "[@iot-jobs/mocks]";

/**
 * Base class of every error the mocks' API throws. Messages start with `[@iot-jobs/mocks]`.
 *
 * @example
 * try { mock.store.createJob({ jobId: "bad id" }); } catch (e) { if (e instanceof IotJobsMockError) console.log(e.message); }
 */
export class IotJobsMockError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(`${prefix} ${message}`, options);
    this.name = "IotJobsMockError";
  }
}

/**
 * Bad input to a fixture builder, a seed, an option or a fault: names the field, the value and the constraint.
 * Nothing is changed when it is thrown.
 *
 * @example
 * // FixtureError: [@iot-jobs/mocks] executions[0].status: value "DONE" must be one of QUEUED, IN_PROGRESS, ...
 * mock.store.createJob({ jobId: "fw", executions: [{ thingName: "t1", status: "DONE" as never }] });
 */
export class FixtureError extends IotJobsMockError {
  readonly field: string;
  readonly value: unknown;
  readonly constraint: string;
  /** The message without the package prefix and the field: `value "DONE" must be one of ...`. */
  readonly detail: string;
  constructor(field: string, value: unknown, constraint: string) {
    super(`${field}: value ${describe(value)} ${constraint}`);
    this.detail = `value ${describe(value)} ${constraint}`;
    this.name = "FixtureError";
    this.field = field;
    this.value = value;
    this.constraint = constraint;
  }
}

/**
 * A lifecycle transition the service would refuse (e.g. out of a terminal status). State is unchanged.
 *
 * @example
 * job.transition("sensor-1", "SUCCEEDED");
 * job.transition("sensor-1", "IN_PROGRESS"); // throws IllegalTransitionError
 */
export class IllegalTransitionError extends IotJobsMockError {
  readonly from: string;
  readonly to: string;
  constructor(where: string, from: string, to: string, allowed: readonly string[]) {
    const allowedText = allowed.length > 0 ? allowed.join(", ") : `none, ${from} is terminal`;
    super(`illegal transition ${from} → ${to} for ${where} (allowed from ${from}: ${allowedText})`);
    this.name = "IllegalTransitionError";
    this.from = from;
    this.to = to;
  }
}

/** Formats a value for an error message: strings quoted, objects as JSON, long values cut. */
export function describe(value: unknown): string {
  let text: string;
  if (value === undefined) text = "undefined";
  else if (typeof value === "string") text = JSON.stringify(value);
  else if (value instanceof Date) text = Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString();
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/**
 * One problem of a seed document: the field (`jobs[0].executions[2].status`) and what is wrong.
 *
 * @example
 * const issue: SeedIssue = { field: "jobs[0].jobId", message: 'value "bad id" must satisfy regular expression pattern: [a-zA-Z0-9_-]+' };
 */
export interface SeedIssue {
  readonly field: string;
  readonly message: string;
}

/**
 * A seed document that breaks its schema or its consistency rules; lists every issue. Nothing is seeded.
 *
 * @example
 * try { mock.seed(JSON.parse(text)); } catch (e) { if (e instanceof SeedError) console.error(e.issues); }
 */
export class SeedError extends IotJobsMockError {
  readonly issues: readonly SeedIssue[];
  constructor(issues: readonly SeedIssue[], source = "seed") {
    super(`${source} is invalid:\n${issues.map((i) => `  - ${i.field}: ${i.message}`).join("\n")}`);
    this.name = "SeedError";
    this.issues = issues;
  }
}
