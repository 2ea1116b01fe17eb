/** One broken constraint of one request member, as ajv reports it. */
export interface Violation {
  /** The member's wire name, e.g. `maxResults`. */
  readonly member: string;
  /** The value as the client sent it (query and path values are strings). */
  readonly raw: string;
  /** The ajv keyword that failed: `maximum`, `maxLength`, `pattern`, `enum`, `type`, ... */
  readonly keyword: string;
  /** ajv's error params for that keyword (`limit`, `pattern`, `allowedValues`, `type`, `format`). */
  readonly params: Readonly<Record<string, unknown>>;
}

/**
 * The constraint phrase AWS's Coral framework uses for a failed JSON Schema keyword, derived from the keyword
 * and the schema value, never per field.
 *
 * @example
 * constraintPhrase({ member: "maxResults", raw: "300", keyword: "maximum", params: { limit: 250 } });
 * // "Member must have value less than or equal to 250"
 */
export function constraintPhrase(v: Violation): string {
  const p = v.params;
  switch (v.keyword) {
    case "maximum":
      return `Member must have value less than or equal to ${p.limit}`;
    case "exclusiveMaximum":
      return `Member must have value less than ${p.limit}`;
    case "minimum":
      return `Member must have value greater than or equal to ${p.limit}`;
    case "exclusiveMinimum":
      return `Member must have value greater than ${p.limit}`;
    case "maxLength":
      return `Member must have length less than or equal to ${p.limit}`;
    case "minLength":
      return `Member must have length greater than or equal to ${p.limit}`;
    case "pattern":
      // Coral prints the model's pattern, which has no anchors; the spec anchors it for JSON Schema.
      return `Member must satisfy regular expression pattern: ${String(p.pattern).replace(/^\^|\$$/g, "")}`;
    case "enum":
      return `Member must satisfy enum value set: [${(p.allowedValues as unknown[]).join(", ")}]`;
    case "type":
      return `Member must be ${p.type === "integer" ? "an integer" : `of type ${p.type}`}`;
    case "format":
      return `Member must be a valid ${p.format}`;
    default:
      return `Member must satisfy the constraint ${v.keyword}`;
  }
}

/**
 * The whole `message` of a Coral validation error: `N validation error(s) detected: Value 'x' at 'member'
 * failed to satisfy constraint: <phrase>; ...`.
 *
 * @example
 * coralMessage([{ member: "maxResults", raw: "300", keyword: "maximum", params: { limit: 250 } }]);
 * // "1 validation error detected: Value '300' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 250"
 */
export function coralMessage(violations: readonly Violation[]): string {
  const n = violations.length;
  const items = violations.map(
    (v) => `Value '${v.raw}' at '${v.member}' failed to satisfy constraint: ${constraintPhrase(v)}`,
  );
  return `${n} validation error${n === 1 ? "" : "s"} detected: ${items.join("; ")}`;
}
