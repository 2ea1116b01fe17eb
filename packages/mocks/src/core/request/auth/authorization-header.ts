/** The parts of a SigV4 `Authorization` header. */
export interface SigV4Authorization {
  readonly accessKeyId: string;
  /** `YYYYMMDD` of the credential scope. */
  readonly date: string;
  readonly region: string;
  readonly service: string;
  readonly terminator: string;
  /** Lower-case header names, as listed. */
  readonly signedHeaders: readonly string[];
  readonly signature: string;
}

const algorithm = "AWS4-HMAC-SHA256";

/**
 * Parses `AWS4-HMAC-SHA256 Credential=AKID/20261129/us-east-1/iot/aws4_request, SignedHeaders=host;x-amz-date,
 * Signature=…`. Returns the parts, or the problems in AWS's words (e.g. "Authorization header requires
 * 'Signature' parameter.").
 *
 * @example
 * parseAuthorization(request.headers.get("authorization")!);
 */
export function parseAuthorization(
  header: string,
): { ok: true; value: SigV4Authorization } | { ok: false; message: string } {
  if (!header.startsWith(`${algorithm} `)) {
    return {
      ok: false,
      message: `Authorization header requires the ${algorithm} algorithm. Authorization=${header.split(" ")[0]}`,
    };
  }
  const fields = new Map<string, string>();
  for (const part of header.slice(algorithm.length + 1).split(",")) {
    const eq = part.indexOf("=");
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const missing = ["Credential", "SignedHeaders", "Signature"].filter((name) => !fields.get(name));
  if (missing.length > 0) {
    return {
      ok: false,
      message: missing.map((name) => `Authorization header requires '${name}' parameter.`).join(" "),
    };
  }
  const scope = fields.get("Credential")!.split("/");
  if (scope.length !== 5 || scope.some((s) => s.length === 0)) {
    return {
      ok: false,
      message: `Credential should be of the form <key>/<date>/<region>/<service>/aws4_request, not '${fields.get("Credential")}'.`,
    };
  }
  const [accessKeyId, date, region, service, terminator] = scope as [string, string, string, string, string];
  const signedHeaders = fields
    .get("SignedHeaders")!
    .split(";")
    .map((h) => h.trim().toLowerCase());
  return {
    ok: true,
    value: { accessKeyId, date, region, service, terminator, signedHeaders, signature: fields.get("Signature")! },
  };
}
