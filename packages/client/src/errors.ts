/**
 * Which side is at fault: `"client"` (fix the request or the configuration) or `"server"` (the service failed).
 * @example
 * if (error.$fault === "server") reportOutage(error.$metadata.requestId);
 */
export type Fault = "client" | "server";

/**
 * Present on errors the client retries (AWS `RetryableTrait`); `throttling` when the service asked to slow down.
 * @example
 * if (error.$retryable?.throttling) console.warn("slow down");
 */
export interface RetryableTrait {
  readonly throttling: boolean;
}

/**
 * Response metadata, shaped like the AWS SDKs' `$metadata`, on every result and every error.
 * @example
 * const { $metadata } = await client.listJobExecutionsForJob({ jobId: "firmware-42" });
 * console.log($metadata.requestId, $metadata.attempts);
 */
export interface ResponseMetadata {
  /** HTTP status of the last response; absent when none came back (network error, timeout, validation). */
  httpStatusCode?: number;
  /** `x-amzn-RequestId` of the last response: quote it when you report a problem to AWS. */
  requestId?: string;
  /** Requests sent for this call, retries included; `0` when nothing was sent (validation, credentials). */
  attempts: number;
  /** Milliseconds spent waiting between attempts. */
  totalRetryDelay: number;
  /**
   * `true` on a clock skew error (e.g. `InvalidSignatureException` "Signature expired") after which the client
   * adopted the server's clock; the call is retried at once if attempts are left, later calls sign with it.
   */
  clockSkewCorrected?: boolean;
}

/**
 * What an error is built from. Members other than these (e.g. `field` of {@link ParamValidationError}) are copied
 * onto the error.
 * @example
 * new ThrottlingException({ message: "Rate exceeded", $metadata: { httpStatusCode: 400 } });
 */
export interface IotJobsExceptionInit {
  message?: string;
  /** @default the class's fault side */
  $fault?: Fault;
  $retryable?: RetryableTrait;
  $metadata?: Partial<ResponseMetadata>;
  /** The error type the service sent (`x-amzn-ErrorType`, `code` or `__type`), when it sent one. */
  code?: string;
  cause?: unknown;
  [member: string]: unknown;
}

/**
 * The base class of every error this client returns or throws: service errors, transport failures and
 * pre-send validation. Check with `instanceof` or, across realms and bundles, with `isInstance`.
 * @see https://github.com/iot-jobs/iot-jobs/tree/main/packages/client#errors
 * @example
 * if (IotJobsException.isInstance(error) && error.$retryable) console.log("transient:", error.name);
 */
export class IotJobsException extends Error {
  declare readonly name: string;
  /** Who is at fault. */
  declare readonly $fault: Fault;
  /** Set when the client considered the error transient (it retries those while attempts and tokens last). */
  declare readonly $retryable?: RetryableTrait;
  /** Status, request id, attempts and retry delay of the call that failed. */
  declare readonly $metadata: ResponseMetadata;
  /**
   * The error type the service sent, when it sent one (e.g. the unknown name behind `UnknownServiceException`); on
   * a `NetworkError`, the system error code under it (`ECONNREFUSED`, `ENOTFOUND`, `CERT_HAS_EXPIRED`, ...).
   */
  declare readonly code?: string;
  /**
   * Set on every error a paginator throws: the `nextToken` of the page that failed (`undefined` for the first page
   * of a scan). Pass it as `startingToken` to resume the scan where it stopped, without repeating an execution.
   */
  declare readonly resumeToken?: string;

  constructor(init: IotJobsExceptionInit = {}, name = "IotJobsException", fault: Fault = "client") {
    // Error keeps `cause` as a non-enumerable own property, and only when one was given; assigning the init's
    // members afterwards keeps it (and `message`) that way.
    super(init.message ?? name, init);
    Object.assign(this, init, {
      name,
      $fault: init.$fault ?? fault,
      $metadata: { attempts: 0, totalRetryDelay: 0, ...init.$metadata },
    });
  }

  /** `true` for any error of this package, also one created in another realm or by another copy of it. */
  static isInstance(value: unknown): value is IotJobsException {
    return /^(client|server)$/.test((value as IotJobsException)?.$fault) && !!(value as IotJobsException).$metadata;
  }
}

/**
 * An error class: a literal `name`, a default fault side and a cross-realm `isInstance` guard.
 * @example
 * const classes: IotJobsExceptionClass<IotJobsException>[] = [ThrottlingException, TimeoutError];
 */
export interface IotJobsExceptionClass<T extends IotJobsException> {
  new (init?: IotJobsExceptionInit): T;
  readonly prototype: T;
  /** `true` for an error of this class, also one created in another realm or by another copy of this package. */
  isInstance(value: unknown): value is T;
}

/** Service error classes by the error type on the wire (package-internal). */
export const serviceExceptions: Record<string, IotJobsExceptionClass<IotJobsException>> = {};

// One small factory instead of sixteen class bodies keeps the browser bundle small. Service errors are the
// names ending in "Exception"; they are registered for the error parser.
const define = <T extends IotJobsException>(name: T["name"], fault: Fault = "client") => {
  // A computed key names the class after the error (`ThrottlingException.name`), as the SDKs' classes are.
  const E = {
    [name]: class extends IotJobsException {
      constructor(init?: IotJobsExceptionInit) {
        super(init, name, fault);
      }
      static override isInstance(value: unknown): value is T {
        return IotJobsException.isInstance(value) && value.name === name;
      }
    },
  }[name]!;
  if (name.endsWith("Exception")) serviceExceptions[name] = E;
  return E as unknown as IotJobsExceptionClass<T>;
};

// ---- Errors the AWS model lists for ListJobExecutionsForJob.

/**
 * The request is not valid (a parameter breaks a constraint, or the `nextToken` is not one the service issued for
 * this query). HTTP 400, client fault, not retried.
 * @example
 * if (error instanceof InvalidRequestException) console.error(error.message);
 */
export const InvalidRequestException = define<InvalidRequestException>("InvalidRequestException");
export interface InvalidRequestException extends IotJobsException {
  readonly name: "InvalidRequestException";
}

/**
 * The request rate exceeds the limit. HTTP **400** (not 429), client fault, retried with the larger throttling backoff.
 * @example
 * if (ThrottlingException.isInstance(error)) console.warn("throttled after", error.$metadata.attempts, "attempts");
 */
export const ThrottlingException = define<ThrottlingException>("ThrottlingException");
export interface ThrottlingException extends IotJobsException {
  readonly name: "ThrottlingException";
}

/**
 * No job with this `jobId` exists in the caller's account and region. HTTP 404, client fault, not retried.
 * @example
 * if (error?.name === "ResourceNotFoundException") return [];
 */
export const ResourceNotFoundException = define<ResourceNotFoundException>("ResourceNotFoundException");
export interface ResourceNotFoundException extends IotJobsException {
  readonly name: "ResourceNotFoundException";
}

/**
 * The service is temporarily unavailable. HTTP 503, server fault, retried.
 * @example
 * if (error instanceof ServiceUnavailableException) scheduleLater();
 */
export const ServiceUnavailableException = define<ServiceUnavailableException>("ServiceUnavailableException", "server");
export interface ServiceUnavailableException extends IotJobsException {
  readonly name: "ServiceUnavailableException";
}

// ---- HTTP 403 errors every AWS endpoint sends (outside the operation's model). Client fault, never retried.

/**
 * The access key id is unknown or the session token is invalid or expired.
 * @example
 * if (error instanceof UnrecognizedClientException) await refreshLogin();
 */
export const UnrecognizedClientException = define<UnrecognizedClientException>("UnrecognizedClientException");
export interface UnrecognizedClientException extends IotJobsException {
  readonly name: "UnrecognizedClientException";
}

/**
 * The signature does not match (wrong secret key, or a clock far off).
 * @example
 * if (error instanceof InvalidSignatureException) console.error("check the secret key and the clock");
 */
export const InvalidSignatureException = define<InvalidSignatureException>("InvalidSignatureException");
export interface InvalidSignatureException extends IotJobsException {
  readonly name: "InvalidSignatureException";
}

/**
 * IAM does not allow the caller `iot:ListJobExecutionsForJob` on this job.
 * @example
 * if (error instanceof AccessDeniedException) console.error(error.message);
 */
export const AccessDeniedException = define<AccessDeniedException>("AccessDeniedException");
export interface AccessDeniedException extends IotJobsException {
  readonly name: "AccessDeniedException";
}

/**
 * The request carried no signature at all (e.g. a proxy stripped the `Authorization` header).
 * @example
 * if (error instanceof MissingAuthenticationTokenException) console.error("request was not signed");
 */
export const MissingAuthenticationTokenException = define<MissingAuthenticationTokenException>(
  "MissingAuthenticationTokenException",
);
export interface MissingAuthenticationTokenException extends IotJobsException {
  readonly name: "MissingAuthenticationTokenException";
}

/**
 * An error response this client has no class for: an unknown error type (kept in `code`), or none at all (e.g. a
 * bare 500 or an HTML page from a proxy; the start of the body is in `message`). Server fault for 5xx.
 * @example
 * if (error instanceof UnknownServiceException) console.error(error.code, error.$metadata.httpStatusCode);
 */
export const UnknownServiceException = define<UnknownServiceException>("UnknownServiceException");
export interface UnknownServiceException extends IotJobsException {
  readonly name: "UnknownServiceException";
}

// ---- Errors raised on this side of the wire.

/**
 * The request never got a response: DNS, connection refused or reset, TLS, CORS. Retried. The message names the
 * endpoint's origin and the root cause (`No response from http://127.0.0.1:4999: connect ECONNREFUSED
 * 127.0.0.1:4999`), `code` its system error code; `cause` is the transport's error.
 * @example
 * if (error instanceof NetworkError && error.code === "ENOTFOUND") console.error("check the region or endpoint");
 */
export const NetworkError = define<NetworkError>("NetworkError");
export interface NetworkError extends IotJobsException {
  readonly name: "NetworkError";
}

/**
 * An attempt took longer than the client's `requestTimeout`. Retried like a network error.
 * @example
 * const client = createIotJobsClient({ region: "us-east-1", requestTimeout: 2_000 });
 */
export const TimeoutError = define<TimeoutError>("TimeoutError");
export interface TimeoutError extends IotJobsException {
  readonly name: "TimeoutError";
}

/**
 * A successful response whose body is not what the spec's response schema describes (not JSON, `null`, a member
 * of the wrong type or outside its enum); members the schema does not know are accepted. Not retried.
 * @example
 * if (error instanceof DeserializationError) console.error(error.path, error.message);
 */
export const DeserializationError = define<DeserializationError>("DeserializationError");
export interface DeserializationError extends IotJobsException {
  readonly name: "DeserializationError";
  /** Where the body breaks the schema, e.g. `executionSummaries[3].jobExecutionSummary.queuedAt` (`""`: the body). */
  readonly path?: string;
}

/**
 * A parameter breaks a constraint of the spec (or a paginator's `pageRetries` is not an integer ≥ 0); nothing was
 * sent (`$metadata.attempts` is 0).
 * @example
 * if (error instanceof ParamValidationError) console.error(error.field, error.value, error.constraint);
 */
export const ParamValidationError = define<ParamValidationError>("ParamValidationError");
export interface ParamValidationError extends IotJobsException {
  readonly name: "ParamValidationError";
  /** The parameter, e.g. `maxResults`. */
  readonly field: string;
  /** The value given. */
  readonly value: unknown;
  /** The JSON Schema keyword it breaks and the spec's value for it, e.g. `maximum: 250`, or `required`. */
  readonly constraint: string;
}

/**
 * The service sent a `nextToken` the paginator already followed: following it would loop forever.
 * @example
 * try { for await (const page of pages) use(page); } catch (e) { if (e instanceof PaginationError) console.error(e.token); }
 */
export const PaginationError = define<PaginationError>("PaginationError");
export interface PaginationError extends IotJobsException {
  readonly name: "PaginationError";
  /** The repeated token. */
  readonly token: string;
}

/**
 * No usable credentials: none configured and none in the environment, or the provider failed or returned a bad
 * shape (its error is the `cause`). Not retried.
 * @example
 * if (error instanceof CredentialsProviderError) console.error(error.message, error.cause);
 */
export const CredentialsProviderError = define<CredentialsProviderError>("CredentialsProviderError");
export interface CredentialsProviderError extends IotJobsException {
  readonly name: "CredentialsProviderError";
}

/**
 * A bad client configuration (region, endpoint, FIPS, credentials, retry or clock settings); thrown by
 * `createIotJobsClient`. The message names the option or environment variable the bad value came from.
 * @example
 * try { createIotJobsClient({ region: "us-east-1", useFipsEndpoint: true, endpoint: "http://127.0.0.1:4010" }); }
 * catch (e) { console.error((e as ConfigurationError).message); }
 */
export const ConfigurationError = define<ConfigurationError>("ConfigurationError");
export interface ConfigurationError extends IotJobsException {
  readonly name: "ConfigurationError";
}

/** The message prefix of errors raised by this package (not of the service's own messages). */
export const P = "[@iot-jobs/client] ";
