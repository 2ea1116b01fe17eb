// The entry of the `node` export condition (Node, Bun, Deno): the same surface as ./index.ts, but the client signs
// with @smithy/signature-v4 and a synchronous SHA-256 instead of Node's thread-pool Web Crypto (see signers/node.ts).

export type { IotJobsClient, IotJobsClientConfig } from "./create-client.js";
export { createIotJobsClient } from "./create-iot-jobs-client.node.js";
export type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from "./credentials.js";

// Errors.
export {
  AccessDeniedException,
  ConfigurationError,
  CredentialsProviderError,
  DeserializationError,
  type Fault,
  InvalidRequestException,
  InvalidSignatureException,
  IotJobsException,
  type IotJobsExceptionClass,
  type IotJobsExceptionInit,
  MissingAuthenticationTokenException,
  NetworkError,
  PaginationError,
  ParamValidationError,
  ResourceNotFoundException,
  type ResponseMetadata,
  type RetryableTrait,
  ServiceUnavailableException,
  ThrottlingException,
  TimeoutError,
  UnknownServiceException,
  UnrecognizedClientException,
} from "./errors.js";

// Readable types.
export type {
  CallOptions,
  JobExecutionStatus,
  JobExecutionSummary,
  JobExecutionSummaryForJob,
  ListJobExecutionsForJobError,
  ListJobExecutionsForJobInput,
  ListJobExecutionsForJobOutput,
  ListJobExecutionsForJobResult,
  PaginationOptions,
} from "./types.js";
