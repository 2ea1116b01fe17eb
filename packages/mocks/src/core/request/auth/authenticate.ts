import { type AuthErrorName, exampleMessage, signingName } from "../../spec.js";
import type { PlainRequest } from "../http/plain.js";
import { parseAuthorization, type SigV4Authorization } from "./authorization-header.js";
import type { CredentialRegistry } from "./credentials.js";
import { verifySignature } from "./verify-signature.js";

/** Who a request is from, or why it is refused (403, AWS's error type and message). */
export type AuthResult =
  | {
      readonly ok: true;
      readonly accountId: string;
      readonly accessKeyId: string | undefined;
      /** The region of the SigV4 credential scope (absent on unsigned requests). */
      readonly signingRegion?: string;
    }
  | { readonly ok: false; readonly error: AuthErrorName; readonly message: string };

/** What authentication needs from the mock. */
export interface AuthContext {
  readonly strict: boolean;
  readonly registry: CredentialRegistry;
  readonly defaultAccountId: string;
  /** The service's wall clock (epoch ms) that `X-Amz-Date` is compared with. */
  now(): number;
  /** How far `X-Amz-Date` may be from `now()`. AWS allows 5 minutes. */
  readonly maxSkewMs: number;
  /**
   * The region this endpoint serves when the URL does not say (a base URL, the standalone server): credential
   * scopes for another region are refused, as an AWS regional endpoint does. Unset, any region is accepted.
   */
  readonly region?: string;
}

const invalidToken = "The security token included in the request is invalid.";
const refuse = (error: AuthErrorName, message: string): AuthResult => ({ ok: false, error, message });
const amzDate = (ms: number) => new Date(ms).toISOString().replace(/[-:]|\.\d{3}/g, "");

/**
 * Identifies a request's account from its SigV4 `Authorization` header and, in strict mode, verifies it as AWS
 * does, answering what AWS answers: no header → MissingAuthenticationTokenException; unknown key or session token
 * → UnrecognizedClientException; a wrong, stale or mis-scoped signature → InvalidSignatureException. In lenient
 * mode the key id only selects the account (unsigned requests use the default account).
 *
 * @example
 * const who = await authenticate(request, "us-east-1", context);
 * if (!who.ok) return awsError(who.error, who.message, requestId);
 */
export async function authenticate(
  request: PlainRequest,
  endpointRegion: string | undefined,
  ctx: AuthContext,
): Promise<AuthResult> {
  const header = request.header("authorization");
  const parsed = header === null ? undefined : parseAuthorization(header);
  if (!ctx.strict) {
    const keyId = parsed?.ok ? parsed.value.accessKeyId : undefined;
    return {
      ok: true,
      accountId: keyId === undefined ? ctx.defaultAccountId : ctx.registry.accountIdFor(keyId),
      accessKeyId: keyId,
      ...(parsed?.ok ? { signingRegion: parsed.value.region } : {}),
    };
  }
  if (!parsed) return refuse("MissingAuthenticationTokenException", "Missing Authentication Token");
  if (!parsed.ok) return refuse("InvalidSignatureException", parsed.message);
  const auth = parsed.value;
  const credentials = ctx.registry.find(auth.accessKeyId);
  if (!credentials) return refuse("UnrecognizedClientException", invalidToken);
  // A temporary key needs its own session token; a long-term key must send none (AWS refuses both alike).
  const sentToken = request.header("x-amz-security-token");
  if (credentials.sessionToken === undefined ? sentToken !== null : sentToken !== credentials.sessionToken) {
    return refuse("UnrecognizedClientException", invalidToken);
  }
  if (!auth.signedHeaders.includes("host") && !auth.signedHeaders.includes(":authority"))
    return refuse(
      "InvalidSignatureException",
      "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.",
    );
  const problem = scopeProblem(auth, request.header("x-amz-date"), endpointRegion, ctx);
  if (typeof problem === "string") return refuse("InvalidSignatureException", problem);
  if (!(await verifySignature(request, auth, credentials.secretAccessKey, problem))) {
    return refuse("InvalidSignatureException", exampleMessage("403", "invalidSignature"));
  }
  return {
    ok: true,
    accountId: ctx.registry.accountIdFor(auth.accessKeyId),
    accessKeyId: auth.accessKeyId,
    signingRegion: auth.region,
  };
}

/** Checks the date, scope and skew; returns the signing date, or the problem in AWS's words. */
function scopeProblem(
  auth: SigV4Authorization,
  xAmzDate: string | null,
  endpointRegion: string | undefined,
  ctx: AuthContext,
): Date | string {
  const m = xAmzDate === null ? null : /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(xAmzDate);
  if (!m) return "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.";
  if (auth.date !== xAmzDate!.slice(0, 8)) {
    return `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${auth.date}' != '${xAmzDate!.slice(0, 8)}', from '${xAmzDate}'.`;
  }
  if (auth.service !== signingName) return `Credential should be scoped to correct service: '${signingName}'. `;
  if (auth.terminator !== "aws4_request")
    return `Credential should be scoped with a valid terminator: 'aws4_request', not '${auth.terminator}'. `;
  const served = endpointRegion ?? ctx.region;
  if (served !== undefined && auth.region !== served)
    return `Credential should be scoped to a valid region, not '${auth.region}'. `;
  const signed = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
  const now = ctx.now();
  const minutes = Math.round(ctx.maxSkewMs / 60_000);
  if (signed < now - ctx.maxSkewMs) {
    return `Signature expired: ${xAmzDate} is now earlier than ${amzDate(now - ctx.maxSkewMs)} (${amzDate(now)} - ${minutes} min.)`;
  }
  if (signed > now + ctx.maxSkewMs) {
    return `Signature not yet current: ${xAmzDate} is still later than ${amzDate(now + ctx.maxSkewMs)} (${amzDate(now)} + ${minutes} min.)`;
  }
  return new Date(signed);
}
