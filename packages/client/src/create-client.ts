import { removeTrailingSlash } from "openapi-fetch";
import { type AwsCredentialIdentity, type AwsCredentialIdentityProvider, credentialSource } from "./credentials.js";
import { checkRegion, fail, resolveEndpoint } from "./endpoint.js";
import { env } from "./env.js";
import { sender } from "./list-job-executions-for-job.js";
import {
  listAllJobExecutionsForJob,
  paginateListJobExecutionsForJob,
  unwrap,
} from "./paginate-list-job-executions-for-job.js";
import { CAPACITY } from "./retry.js";
import { type Fetch, type SignerFactory, signedFetch } from "./sign.js";
import type {
  CallOptions,
  JobExecutionSummaryForJob,
  ListJobExecutionsForJobInput,
  ListJobExecutionsForJobOutput,
  ListJobExecutionsForJobResult,
  PaginationOptions,
} from "./types.js";

/**
 * Settings of {@link createIotJobsClient}. Region and credentials default to the standard `AWS_*` variables where
 * a process environment exists.
 * @example
 * const config: IotJobsClientConfig = { region: "eu-west-1", maxAttempts: 5, requestTimeout: 3_000 };
 */
export interface IotJobsClientConfig {
  /** The AWS region, e.g. `us-east-1`; also the signing region. @default `AWS_REGION`, else `AWS_DEFAULT_REGION` */
  region?: string;
  /**
   * A custom endpoint (a VPC endpoint, a proxy, a mock on loopback); its path prefix is kept. Cannot be combined
   * with FIPS. @default `AWS_ENDPOINT_URL_IOT`, else `AWS_ENDPOINT_URL` (as botocore and the aws CLI read them),
   * else the region's AWS endpoint
   */
  endpoint?: string | URL;
  /**
   * Use the FIPS endpoint `https://iot-fips.{region}.amazonaws.com` (`.com.cn` in China).
   * @default `AWS_USE_FIPS_ENDPOINT=true`, ignored when a custom endpoint comes from the config or environment
   */
  useFipsEndpoint?: boolean;
  /** Static keys, or an async provider called again before `expiration`. @default the `AWS_*` key variables */
  credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /**
   * The fetch to send with (called with a URL and an init).
   * @default in Node (the `node` export condition), `node:http`/`node:https` with keep-alive sockets; elsewhere
   * `globalThis.fetch`, looked up per request
   */
  fetch?: Fetch;
  /** Requests per call, first one included; `1` turns retries off. @default `AWS_MAX_ATTEMPTS`, else 3 */
  maxAttempts?: number;
  /** Milliseconds one attempt may take before it fails with a (retried) `TimeoutError`. @default no limit */
  requestTimeout?: number;
  /** Throw errors and resolve to the data instead of resolving to `{ data, error }`. @default false */
  throwOnError?: boolean;
  /**
   * Milliseconds to add to the local clock when signing, as in the AWS SDKs. The client corrects it itself after
   * a clock skew error (`InvalidSignatureException` "Signature expired"): it adopts the server's `Date` and retries
   * at once. @default 0
   */
  systemClockOffset?: number;
}

/**
 * A client of ListJobExecutionsForJob. Its calls share derived signing keys, cached credentials and one retry
 * token bucket.
 * @example
 * const client: IotJobsClient = createIotJobsClient({ region: "us-east-1" });
 */
export interface IotJobsClient<ThrowOnError extends boolean = false> {
  /**
   * Lists one page of the executions of a job. Resolves to `{ data, $metadata }` or `{ error, $metadata }` (with
   * `throwOnError`: to the data, or rejects with the error); rejects with `signal.reason` when aborted.
   *
   * Errors: `InvalidRequestException` (client fault), `ThrottlingException` (client fault, retried),
   * `ResourceNotFoundException` (client fault), `ServiceUnavailableException` (server fault, retried), the 403s
   * `UnrecognizedClientException`, `InvalidSignatureException`, `AccessDeniedException`,
   * `MissingAuthenticationTokenException` (client fault), `UnknownServiceException` (fault by status; 500, 502,
   * 504 retried), `NetworkError` and `TimeoutError` (retried), `DeserializationError`, `ParamValidationError`
   * (nothing sent), `CredentialsProviderError`.
   * @example
   * const { data, error } = await client.listJobExecutionsForJob({ jobId: "firmware-42", status: "FAILED" });
   * if (error) console.error(error.name, error.$metadata.requestId);
   * else for (const e of data.executionSummaries ?? []) console.log(e.thingArn, e.jobExecutionSummary?.queuedAt);
   */
  listJobExecutionsForJob(
    input: ListJobExecutionsForJobInput,
    options?: CallOptions,
  ): Promise<ThrowOnError extends true ? ListJobExecutionsForJobOutput : ListJobExecutionsForJobResult>;
  /**
   * Iterates over the pages, following `nextToken`; throws the typed error of a failed page (after retries), and a
   * `PaginationError` if the service sends a token it already sent.
   * @example
   * for await (const page of client.paginateListJobExecutionsForJob({ jobId: "firmware-42" }, { pageSize: 250 })) {
   *   console.log(page.executionSummaries?.length, page.nextToken);
   * }
   */
  paginateListJobExecutionsForJob(
    input: ListJobExecutionsForJobInput,
    options?: PaginationOptions,
  ): AsyncGenerator<ListJobExecutionsForJobOutput, void, undefined>;
  /**
   * Iterates over every execution of the job, page by page, in constant memory; throws like the page paginator.
   * @example
   * for await (const execution of client.listAllJobExecutionsForJob({ jobId: "firmware-42" })) {
   *   console.log(execution.thingArn, execution.jobExecutionSummary?.status);
   * }
   */
  listAllJobExecutionsForJob(
    input: ListJobExecutionsForJobInput,
    options?: PaginationOptions,
  ): AsyncGenerator<JobExecutionSummaryForJob, void, undefined>;
}

/**
 * Makes `createIotJobsClient` for a platform's SigV4 signer (the package's entry points pick one: aws4fetch on Web
 * Crypto by default, node:crypto under the `node` condition, whose entry also passes its own default `fetch`).
 */
export function clientFactory(createSigner: SignerFactory) {
  return function createIotJobsClient<ThrowOnError extends boolean = false>(
    config: IotJobsClientConfig & { throwOnError?: ThrowOnError } = {},
  ): IotJobsClient<ThrowOnError> {
    // Each setting as [the name the user gave it by, its value]: errors name the option or variable actually set.
    // An empty variable is none, as for botocore.
    const e = env();
    const setting = (option: string, given: unknown, ...variables: string[]): [string, unknown] => {
      if (given != null) return [option, given];
      const name = variables.find((v) => e[v]);
      return name ? [name, e[name]] : [option, undefined];
    };
    const [regionName, regionValue] = setting("region", config.region, "AWS_REGION", "AWS_DEFAULT_REGION");
    const region = checkRegion(regionValue, regionName);
    const [attemptsName, attempts = 3] = setting("maxAttempts", config.maxAttempts, "AWS_MAX_ATTEMPTS");
    const maxAttempts = +(attempts as number);
    if (!(maxAttempts >= 1 && maxAttempts % 1 === 0))
      fail(`Invalid ${attemptsName} ${attempts}: must be an integer ≥ 1`);
    const { requestTimeout, systemClockOffset = 0 } = config;
    if (requestTimeout != null && !(requestTimeout > 0)) fail(`Invalid requestTimeout ${requestTimeout}: must be > 0`);
    if (!Number.isFinite(systemClockOffset)) fail(`Invalid systemClockOffset ${systemClockOffset}: must be a number`);
    const [endpointName, endpoint] = setting("endpoint", config.endpoint, "AWS_ENDPOINT_URL_IOT", "AWS_ENDPOINT_URL");
    const quota = { tokens: CAPACITY };
    const call = sender({
      // openapi-fetch joins base URL and path as createClient does, without a doubled slash.
      baseUrl: removeTrailingSlash(
        resolveEndpoint(
          region,
          config.useFipsEndpoint ?? (!endpoint && e.AWS_USE_FIPS_ENDPOINT === "true"),
          endpoint as string | undefined,
          endpointName,
        ),
      ),
      send: signedFetch(createSigner(region), credentialSource(config.credentials), config.fetch),
      maxAttempts,
      requestTimeout,
      quota,
      clock: { offset: systemClockOffset },
    });
    return {
      listJobExecutionsForJob: (config.throwOnError
        ? (input: ListJobExecutionsForJobInput, options?: CallOptions) => call(input, options).then(unwrap)
        : call) as IotJobsClient<ThrowOnError>["listJobExecutionsForJob"],
      paginateListJobExecutionsForJob: (input, options) => paginateListJobExecutionsForJob(call, quota, input, options),
      listAllJobExecutionsForJob: (input, options) => listAllJobExecutionsForJob(call, quota, input, options),
    };
  };
}
