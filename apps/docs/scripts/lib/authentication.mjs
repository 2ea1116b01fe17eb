// @ts-check
// Redoc 3 shows a security scheme only behind an operation's "View security details" button, while the
// spec's overview points readers to an "Authentication" section (Redoc 2 rendered one). This adds it back,
// written from the spec's own `components.securitySchemes`, so it can never disagree with the spec.

/** The section's title, the one the spec's description refers to. */
export const AUTHENTICATION_TAG = "Authentication";

/**
 * A copy of an OpenAPI document with an "Authentication" trait tag (prose only) describing each security
 * scheme; the document is returned as it is if it declares none.
 * @param {Record<string, any>} document a bundled OpenAPI document
 * @returns {Record<string, any>}
 */
export function withAuthentication(document) {
  /** @type {[string, Record<string, any>][]} */
  const schemes = Object.entries(document.components?.securitySchemes ?? {});
  if (schemes.length === 0) return document;
  const sections = schemes.map(([id, scheme]) => describeScheme(id, scheme));
  const tag = {
    name: AUTHENTICATION_TAG,
    description: ["Every request is authenticated with this scheme:", ...sections].join("\n\n"),
    "x-traitTag": true,
  };
  return { ...document, tags: [tag, ...(document.tags ?? [])] };
}

/**
 * @param {string} id the scheme's key under components.securitySchemes
 * @param {Record<string, any>} scheme
 * @returns {string} markdown: a heading (a sidebar entry in Redoc), a table of its fields, its description
 */
export function describeScheme(id, scheme) {
  const rows = [["Type", `\`${scheme.type}\``]];
  if (scheme.in && scheme.name) rows.push([`Sent in the ${scheme.in}`, `\`${scheme.name}\``]);
  if (scheme.scheme) rows.push(["HTTP scheme", `\`${scheme.scheme}\``]);
  for (const [key, value] of Object.entries(scheme)) {
    if (key.startsWith("x-")) rows.push([`\`${key}\``, `\`${String(value)}\``]);
  }
  const table = ["| Field | Value |", "| --- | --- |", ...rows.map(([k, v]) => `| ${k} | ${v} |`)].join("\n");
  return [`## ${id}`, table, String(scheme.description ?? "").trim()].filter(Boolean).join("\n\n");
}
