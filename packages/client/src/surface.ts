// Everything both entries export except `createIotJobsClient`, whose signer differs (./index.ts, ./node.ts).

export type { IotJobsClient, IotJobsClientConfig } from "./create-client.js";
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
