import { FixtureError } from "../../errors.js";
import { checkKeys, checkObject } from "../../state/store/check.js";

/**
 * Test credentials the mock knows: they map an access key id to an account, and strict auth verifies signatures
 * with the secret. `accessDenied` makes every request of that key a 403 AccessDeniedException (IAM says no).
 *
 * @example
 * const suiteA: MockCredentials = { accessKeyId: "AKIDSUITEA", secretAccessKey: "secret-a", accountId: "111111111111" };
 */
export interface MockCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** Required in the `x-amz-security-token` header when set (temporary credentials). */
  readonly sessionToken?: string;
  /** The key's account. @default {@link accountIdForAccessKeyId} of the key */
  readonly accountId?: string;
  /** Refuse every request of this key with 403 AccessDeniedException. @default false */
  readonly accessDenied?: boolean;
}

/**
 * The account unsigned requests, unscoped fixtures and {@link TEST_CREDENTIALS} use.
 *
 * @example
 * mock.store.job("fw-1")?.accountId === DEFAULT_ACCOUNT_ID; // true for a job created without a scope
 */
export const DEFAULT_ACCOUNT_ID = "123456789012";

/**
 * Credentials that map to {@link DEFAULT_ACCOUNT_ID} and that strict auth accepts by default (AWS's documentation
 * example keys, never valid on AWS).
 *
 * @example
 * new IoTClient({ region: "us-east-1", credentials: TEST_CREDENTIALS });
 */
export const TEST_CREDENTIALS = {
  accessKeyId: "AKIAIOSFODNN7EXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
  accountId: DEFAULT_ACCOUNT_ID,
} as const satisfies MockCredentials;

/**
 * The stable 12-digit account id the mock gives an access key id it has no configured account for (FNV-1a 64 of
 * the key id, modulo 10¹²). Parallel suites that use different keys thus never see each other's jobs.
 *
 * @example
 * accountIdForAccessKeyId("AKIDSUITEB"); // the same 12 digits on every run and machine
 */
export function accountIdForAccessKeyId(accessKeyId: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(accessKeyId)) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return (hash % 1_000_000_000_000n).toString().padStart(12, "0");
}

/**
 * The configured credentials by access key id; checks them and throws a {@link FixtureError} naming the field.
 *
 * @example
 * const registry = credentialRegistry([TEST_CREDENTIALS]);
 * registry.accountIdFor("AKIAIOSFODNN7EXAMPLE"); // "123456789012"
 */
export function credentialRegistry(list: readonly MockCredentials[], field = "credentials") {
  if (!Array.isArray(list)) throw new FixtureError(field, list, "must be an array of credentials");
  const byKey = new Map<string, MockCredentials>();
  list.forEach((c, i) => {
    const at = `${field}[${i}]`;
    checkObject(at, c);
    // The AWS SDK for JavaScript tags credential objects it is given with `$source`: tolerate `$` metadata.
    const own = Object.fromEntries(Object.entries(c).filter(([key]) => !key.startsWith("$")));
    checkKeys(at, own, ["accessKeyId", "secretAccessKey", "sessionToken", "accountId", "accessDenied"]);
    if (typeof c.accessKeyId !== "string" || !/^\w+$/.test(c.accessKeyId))
      throw new FixtureError(`${at}.accessKeyId`, c.accessKeyId, "must be a non-empty string of letters, digits or _");
    if (typeof c.secretAccessKey !== "string" || c.secretAccessKey.length === 0)
      throw new FixtureError(`${at}.secretAccessKey`, c.secretAccessKey, "must be a non-empty string");
    if (c.sessionToken !== undefined && typeof c.sessionToken !== "string")
      throw new FixtureError(`${at}.sessionToken`, c.sessionToken, "must be a string");
    if (c.accountId !== undefined && !/^\d{12}$/.test(String(c.accountId)))
      throw new FixtureError(`${at}.accountId`, c.accountId, "must be a 12-digit account id");
    if (c.accessDenied !== undefined && typeof c.accessDenied !== "boolean")
      throw new FixtureError(`${at}.accessDenied`, c.accessDenied, "must be a boolean");
    if (byKey.has(c.accessKeyId)) throw new FixtureError(`${at}.accessKeyId`, c.accessKeyId, "is listed twice");
    byKey.set(c.accessKeyId, c as unknown as MockCredentials);
  });
  return {
    /** The configured credentials of a key, if any. */
    find: (accessKeyId: string): MockCredentials | undefined => byKey.get(accessKeyId),
    /** The account of a key: configured, else derived. */
    accountIdFor: (accessKeyId: string): string =>
      byKey.get(accessKeyId)?.accountId ?? accountIdForAccessKeyId(accessKeyId),
  };
}

/** See {@link credentialRegistry}. */
export type CredentialRegistry = ReturnType<typeof credentialRegistry>;
