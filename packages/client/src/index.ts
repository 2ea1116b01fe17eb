// The client, signing with aws4fetch on Web Crypto (browsers, edge workers; Node has its own entry, ./node.ts).

export type { IotJobsClient, IotJobsClientConfig } from "./create-client.js";
export { createIotJobsClient } from "./create-iot-jobs-client.js";
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
