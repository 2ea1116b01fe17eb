import type { AccountScope } from "../store/types.js";

/**
 * A fault the mock can inject in place of (or before) a normal answer:
 * - `throttling`: 400 `ThrottlingException` ("Rate exceeded"), which SDKs retry as throttling;
 * - `unavailable`: 503 `ServiceUnavailableException`, retried as a server fault;
 * - `drop`: the connection is dropped without a response (`HttpResponse.error()` in-process, a destroyed socket
 *   in the standalone server);
 * - `latency`: the answer is delayed by `ms` (it combines with the others).
 *
 * @example
 * mock.faults.inject({ type: "throttling" }, { times: 2 });
 */
export type FaultSpec =
  | { readonly type: "throttling"; readonly message?: string }
  | { readonly type: "unavailable"; readonly message?: string }
  | { readonly type: "drop" }
  | { readonly type: "latency"; readonly ms: number };

/**
 * Which requests a fault rule applies to: an account (or access key's account) and/or a job. @default all
 *
 * @example
 * mock.faults.clear({ accessKeyId: "AKIDSUITEB", jobId: "fw-1" });
 */
export interface FaultScope extends AccountScope {
  readonly jobId?: string;
}

/**
 * When a fault fires: for the next `times` matching requests, or at a `rate` (0..1, seeded so runs repeat),
 * or, with neither, on every matching request until removed.
 *
 * @example
 * const options: FaultOptions = { rate: 0.2, seed: 7, jobId: "fw-1" };
 */
export interface FaultOptions extends FaultScope {
  /** Fire for the next N matching requests, then stop. */
  readonly times?: number;
  /** Fire with this probability (0..1) on each matching request. */
  readonly rate?: number;
  /** Seed of the rate's PRNG. @default 1 */
  readonly seed?: number;
}

/**
 * A registered fault rule.
 *
 * @example
 * const rule = mock.faults.inject({ type: "throttling" }, { times: 2 });
 * expect(rule.fired).toBe(2);
 * rule.remove();
 */
export interface FaultRule {
  readonly id: string;
  /** How many requests it fired on so far. */
  readonly fired: number;
  /** Whether it can still fire (a `times` rule or a script runs out). */
  readonly active: boolean;
  /** Unregisters it. */
  remove(): void;
}

/**
 * A rule as `faults.list()` describes it (also the control API's answer).
 *
 * @example
 * mock.faults.list().filter((r) => r.active).map((r) => r.id);
 */
export interface FaultRuleInfo {
  readonly id: string;
  readonly kind: "fault" | "script";
  readonly faults: readonly (FaultSpec | null)[];
  readonly scope: { readonly accountId?: string; readonly jobId?: string };
  readonly times?: number;
  readonly rate?: number;
  readonly fired: number;
  readonly active: boolean;
}

/**
 * What one request draws from the registered rules: total latency, and at most one terminal fault.
 *
 * @example
 * const draw: FaultDraw = { latencyMs: 200, fault: { type: "throttling" }, ruleIds: ["fault-1", "fault-2"] };
 */
export interface FaultDraw {
  readonly latencyMs: number;
  readonly fault: Exclude<FaultSpec, { type: "latency" }> | undefined;
  /** Ids of the rules that fired. */
  readonly ruleIds: readonly string[];
}
