import { FixtureError } from "../../errors.js";
import { checkKeys, checkObject } from "../store/check.js";
import type { FaultSpec } from "./types.js";

const kinds = ["throttling", "unavailable", "drop", "latency"];

/**
 * Checks a fault spec (from TypeScript or JSON) and throws a {@link FixtureError} naming the field.
 *
 * @example
 * checkFault("fault", { type: "latency", ms: -1 }); // FixtureError: fault.ms: value -1 must be a finite number ≥ 0
 */
export function checkFault(field: string, fault: unknown): FaultSpec {
  checkObject(field, fault);
  if (!kinds.includes(fault.type as string))
    throw new FixtureError(`${field}.type`, fault.type, `must be one of ${kinds.join(", ")}`);
  if (fault.type === "latency") {
    checkKeys(field, fault, ["type", "ms"]);
    const ms = fault.ms;
    if (typeof ms !== "number" || !Number.isFinite(ms) || ms < 0 || ms > 600_000) {
      throw new FixtureError(`${field}.ms`, ms, "must be a number of milliseconds from 0 to 600000");
    }
  } else if (fault.type === "drop") checkKeys(field, fault, ["type"]);
  else {
    checkKeys(field, fault, ["type", "message"]);
    if (fault.message !== undefined && typeof fault.message !== "string")
      throw new FixtureError(`${field}.message`, fault.message, "must be a string");
  }
  return fault as FaultSpec;
}
