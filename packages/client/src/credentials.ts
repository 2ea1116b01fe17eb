import { env } from "./env.js";
import {
  ConfigurationError,
  CredentialsProviderError,
  type IotJobsException,
  type IotJobsExceptionClass,
  P,
} from "./errors.js";

/**
 * AWS credentials, as @aws-sdk/credential-providers return them.
 * @example
 * const credentials: AwsCredentialIdentity = { accessKeyId: "AKIA...", secretAccessKey: "..." };
 */
export interface AwsCredentialIdentity {
  accessKeyId: string;
  secretAccessKey: string;
  /** The session token of temporary credentials, sent as `x-amz-security-token` (and signed). */
  sessionToken?: string;
  /** When temporary credentials expire; they are refreshed 5 minutes before. */
  expiration?: Date;
}

/**
 * An async source of credentials, e.g. `fromNodeProviderChain()` or `fromCognitoIdentityPool(...)` from
 * @aws-sdk/credential-providers. Called once, then again only when the credentials near `expiration`.
 * @example
 * const credentials: AwsCredentialIdentityProvider = async () => (await fetch("/my/sts")).json();
 */
export type AwsCredentialIdentityProvider = () => Promise<AwsCredentialIdentity>;

/** Refresh credentials this long before they expire, as the SDKs do. */
const REFRESH_WINDOW = 300_000;

/**
 * Checks that both keys are non-empty; the error names the one missing where the user set it (`how` words it).
 * A secret is never shown.
 */
const check = (
  c: AwsCredentialIdentity | undefined,
  Err: IotJobsExceptionClass<IotJobsException>,
  how: (key: "accessKeyId" | "secretAccessKey") => string,
) => {
  const missing = !c?.accessKeyId ? "accessKeyId" : !c.secretAccessKey ? "secretAccessKey" : undefined;
  if (missing) throw new Err({ message: P + how(missing) });
  return c as AwsCredentialIdentity;
};

const fromConfig = (key: string) => `Invalid credentials.${key}: must be a non-empty string`;
const fromProvider = (key: string) => `No ${key} from the credentials provider`;
const fromVariables = (key: string) =>
  key === "accessKeyId"
    ? "No AWS_ACCESS_KEY_ID: set it (and AWS_SECRET_ACCESS_KEY), or pass credentials"
    : "No AWS_SECRET_ACCESS_KEY: set it (and AWS_ACCESS_KEY_ID), or pass credentials";

/** The standard variables, read at the first call (so they may be set after the client was created). */
const fromEnv = async (): Promise<AwsCredentialIdentity> => {
  const e = env();
  return {
    accessKeyId: e.AWS_ACCESS_KEY_ID as string,
    secretAccessKey: e.AWS_SECRET_ACCESS_KEY as string,
    sessionToken: e.AWS_SESSION_TOKEN,
    expiration: e.AWS_CREDENTIAL_EXPIRATION as never,
  };
};

/**
 * Turns the `credentials` option into one function that caches what the provider returned, refreshes it within
 * 5 minutes of `expiration`, and makes concurrent callers share one in-flight refresh.
 */
export function credentialSource(credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider) {
  if (credentials && typeof credentials !== "function") {
    const fixed = Promise.resolve(check(credentials, ConfigurationError, fromConfig));
    return () => fixed;
  }
  let cached: Promise<AwsCredentialIdentity> | undefined;
  let refreshAt = 0;
  return (): Promise<AwsCredentialIdentity> => {
    if (!cached || Date.now() >= refreshAt) {
      // Until this refresh settles every caller shares it. The provider runs in a microtask, so that even a
      // synchronous throw becomes the shared rejection; a failure is forgotten, so the next call asks again.
      refreshAt = 8.64e15; // the latest time a Date can hold: never, unless the credentials expire
      cached = Promise.resolve()
        .then(credentials ?? fromEnv)
        .then((c) => {
          // A provider may hand over parsed JSON, with `expiration` as a string.
          if (c?.expiration) refreshAt = new Date(c.expiration).getTime() - REFRESH_WINDOW;
          return check(c, CredentialsProviderError, credentials ? fromProvider : fromVariables);
        })
        .catch((cause) => {
          cached = undefined;
          throw CredentialsProviderError.isInstance(cause)
            ? cause
            : new CredentialsProviderError({ message: P + cause, cause });
        });
    }
    return cached;
  };
}
