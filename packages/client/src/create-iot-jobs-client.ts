import { clientFactory } from "./create-client.js";
import { createWebSigner } from "./signers/web.js";

/**
 * Creates a client. Bad settings throw a `ConfigurationError` here; missing environment credentials are reported
 * by the first call (a `CredentialsProviderError`).
 * @see https://github.com/iot-jobs/iot-jobs/tree/main/packages/client#readme
 * @example
 * import { createIotJobsClient } from "@iot-jobs/client";
 *
 * const client = createIotJobsClient({ region: "us-east-1", throwOnError: true });
 * const page = await client.listJobExecutionsForJob({ jobId: "firmware-42", maxResults: 50 });
 */
export const createIotJobsClient = clientFactory(createWebSigner);
