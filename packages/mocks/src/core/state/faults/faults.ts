import { FixtureError } from "../../errors.js";
import { seededRandom } from "../prng.js";
import type { AccountScope } from "../store/types.js";
import { checkFault } from "./check-fault.js";
import type { FaultDraw, FaultOptions, FaultRule, FaultRuleInfo, FaultScope, FaultSpec } from "./types.js";

/**
 * Per-test fault injection. Rules are checked in the order they were added; latency adds up, and the first
 * rule that fires a terminal fault (throttling, unavailable, drop) decides the answer. Later terminal rules are
 * not consumed by that request; a script always advances one step per matching request.
 *
 * @example
 * mock.faults.inject({ type: "throttling" }, { times: 2 });            // the next two requests
 * mock.faults.inject({ type: "unavailable" }, { rate: 0.1, seed: 3 }); // 10 %, reproducibly
 * mock.faults.script([{ type: "drop" }, null, { type: "latency", ms: 200 }]);
 * mock.faults.clear();
 */
export interface Faults {
  /** Adds a rule that fires `fault` always, `times` times, or at a `rate`. */
  inject(fault: FaultSpec, options?: FaultOptions): FaultRule;
  /** Adds a scripted sequence: the n-th matching request gets step n (`null` = answer normally). */
  script(steps: readonly (FaultSpec | null)[], scope?: FaultScope): FaultRule;
  /** Removes every rule, or those of one account and/or job. */
  clear(scope?: FaultScope): void;
  /** Describes the registered rules. */
  list(): FaultRuleInfo[];
  /** @internal draws the faults for one request. */
  draw(request: { readonly accountId: string; readonly jobId: string }): FaultDraw;
}

interface Rule {
  readonly info: Omit<FaultRuleInfo, "fired" | "active">;
  readonly random: (() => number) | undefined;
  remaining: number;
  step: number;
  fired: number;
  active: boolean;
}

/** How many fault rules a mock holds at most. */
const MAX_FAULT_RULES = 1000;

/** Creates the fault controller of a mock; `accountOf` resolves a scope's account. */
export function createFaults(accountOf: (scope: AccountScope, field: string) => string): Faults {
  let rules: Rule[] = [];
  let ids = 0;

  const scopeOf = (scope: FaultScope, field: string) => {
    const hasAccount = scope.accountId !== undefined || scope.accessKeyId !== undefined;
    if (scope.jobId !== undefined && typeof scope.jobId !== "string")
      throw new FixtureError(`${field}.jobId`, scope.jobId, "must be a string");
    return {
      ...(hasAccount ? { accountId: accountOf(scope, field) } : {}),
      ...(scope.jobId ? { jobId: scope.jobId } : {}),
    };
  };
  const add = (rule: Omit<Rule, "fired" | "active" | "step">): FaultRule => {
    // A loop that injects without clearing would otherwise grow memory and every request's cost without bound.
    if (rules.length >= MAX_FAULT_RULES)
      throw new FixtureError("faults", rules.length, `must not exceed ${MAX_FAULT_RULES} rules: clear some first`);
    const r: Rule = { ...rule, step: 0, fired: 0, active: true };
    rules.push(r);
    return {
      id: r.info.id,
      get fired() {
        return r.fired;
      },
      get active() {
        return r.active;
      },
      remove: () => {
        rules = rules.filter((x) => x !== r);
      },
    };
  };
  const matches = (r: Rule, req: { accountId: string; jobId: string }) =>
    (r.info.scope.accountId === undefined || r.info.scope.accountId === req.accountId) &&
    (r.info.scope.jobId === undefined || r.info.scope.jobId === req.jobId);

  return {
    inject(fault, options = {}) {
      const spec = checkFault("fault", fault);
      const { times, rate, seed = 1 } = options;
      if (times !== undefined && (!Number.isSafeInteger(times) || times < 1))
        throw new FixtureError("options.times", times, `must be an integer from 1 to ${Number.MAX_SAFE_INTEGER}`);
      if (rate !== undefined && (typeof rate !== "number" || !(rate >= 0 && rate <= 1)))
        throw new FixtureError("options.rate", rate, "must be a number from 0 to 1");
      if (times !== undefined && rate !== undefined)
        throw new FixtureError("options", options, "must not set both times and rate");
      if (!Number.isSafeInteger(seed))
        throw new FixtureError(
          "options.seed",
          seed,
          `must be an integer of at most ${Number.MAX_SAFE_INTEGER} in size`,
        );
      const info = {
        id: `fault-${++ids}`,
        kind: "fault" as const,
        faults: [spec],
        scope: scopeOf(options, "options"),
        ...(times ? { times } : {}),
        ...(rate !== undefined ? { rate } : {}),
      };
      return add({
        info,
        random: rate === undefined ? undefined : seededRandom(seed),
        remaining: times ?? Number.POSITIVE_INFINITY,
      });
    },
    script(steps, scope = {}) {
      if (!Array.isArray(steps) || steps.length === 0)
        throw new FixtureError("steps", steps, "must be a non-empty array of faults or null");
      const checked = steps.map((s, i) => (s === null ? null : checkFault(`steps[${i}]`, s)));
      const info = { id: `fault-${++ids}`, kind: "script" as const, faults: checked, scope: scopeOf(scope, "scope") };
      return add({ info, random: undefined, remaining: checked.length });
    },
    clear(scope) {
      if (!scope) rules = [];
      else {
        const s = scopeOf(scope, "scope");
        rules = rules.filter(
          (r) =>
            !(
              (s.accountId === undefined || r.info.scope.accountId === s.accountId) &&
              (s.jobId === undefined || r.info.scope.jobId === s.jobId)
            ),
        );
      }
    },
    list: () => rules.map((r) => ({ ...r.info, fired: r.fired, active: r.active })),
    draw(request) {
      let latencyMs = 0;
      let fault: FaultDraw["fault"];
      const ruleIds: string[] = [];
      for (const r of rules) {
        if (!r.active || !matches(r, request)) continue;
        let spec: FaultSpec | null;
        if (r.info.kind === "script") spec = r.info.faults[r.step++]!;
        else {
          spec = r.info.faults[0]!;
          if (spec.type !== "latency" && fault) continue; // already decided: leave this rule for the next request
          if (r.random && r.random() >= r.info.rate!) continue;
        }
        if (--r.remaining <= 0) r.active = false;
        if (spec === null) continue;
        if (spec.type === "latency") latencyMs += spec.ms;
        else if (!fault) fault = spec;
        else continue; // a script step preempted by an earlier rule: consumed, but it did not fire
        r.fired++;
        ruleIds.push(r.info.id);
      }
      return { latencyMs, fault, ruleIds };
    },
  };
}
