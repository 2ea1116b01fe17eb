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
    description: ["Every request is authenticated as follows.", ...sections].join("\n\n"),
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
  if (scheme["x-aws-sigv4"]) return describeSigV4(id, scheme, scheme["x-aws-sigv4"]);
  const rows = [["Type", `\`${scheme.type}\``]];
  if (scheme.in && scheme.name) rows.push([`Sent in the ${scheme.in}`, `\`${scheme.name}\``]);
  if (scheme.scheme) rows.push(["HTTP scheme", `\`${scheme.scheme}\``]);
  for (const [key, value] of Object.entries(scheme)) {
    if (key.startsWith("x-")) rows.push([`\`${key}\``, `\`${String(value)}\``]);
  }
  return [`## ${id}`, table(["Field", "Value"], rows), String(scheme.description ?? "").trim()]
    .filter(Boolean)
    .join("\n\n");
}

/** The heading of a SigV4 scheme's section (its sidebar entry). */
export const SIGV4_TITLE = "AWS Signature Version 4";

/**
 * A scheme that carries `x-aws-sigv4` (spec/openapi.yaml): OpenAPI has no type for a request signature, so the
 * spec types it `apiKey` in the `Authorization` header. A reader must not take that for a key to paste: the
 * section says what signs, with what, and which headers each request carries, from the extension's facts.
 * @param {string} id
 * @param {Record<string, any>} scheme
 * @param {{ algorithm: string, signingName: string, credentialScope: string,
 *   headers: { name: string, description: string }[] }} sigv4
 * @returns {string}
 */
export function describeSigV4(id, scheme, sigv4) {
  const rows = [
    [
      "What signs",
      "Your AWS credentials: an access key ID and a secret access key, plus a session token when they are " +
        "temporary. The secret never travels: it keys the signature. An AWS SDK, the aws CLI or " +
        "`@iot-jobs/client` signs each request for you; there is no API key.",
    ],
    ["Algorithm", `\`${sigv4.algorithm}\``],
    ["Service (signing name)", `\`${sigv4.signingName}\``],
    ["Credential scope", `\`${sigv4.credentialScope}\``],
    [
      "In the OpenAPI file",
      `The scheme \`${id}\`, typed \`${scheme.type}\` in the \`${scheme.name}\` ${scheme.in}: OpenAPI has no type ` +
        "for a request signature, so that is the header the signature travels in, not a key.",
    ],
  ];
  const headers = sigv4.headers.map(({ name, description }) => [`\`${name}\``, description.replace(/\s+/g, " ")]);
  return [
    `## ${SIGV4_TITLE}`,
    table(["", "SigV4"], rows),
    "**The headers each signed request carries:**",
    table(["Header", "What it holds"], headers),
    String(scheme.description ?? "").trim(),
  ]
    .filter(Boolean)
    .join("\n\n");
}

/**
 * A markdown table.
 * @param {string[]} head
 * @param {string[][]} rows
 */
function table(head, rows) {
  const line = (/** @type {string[]} */ cells) => `| ${cells.join(" | ")} |`;
  return [line(head), line(head.map(() => "---")), ...rows.map(line)].join("\n");
}
