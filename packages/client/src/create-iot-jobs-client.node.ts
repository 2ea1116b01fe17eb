import { clientFactory } from "./create-client.js";
import type { Fetch } from "./sign.js";
import { createNodeSigner } from "./signers/node.js";

// The transport loads on the first call, as the signer does, so that importing the client stays fast.
let transport: Promise<typeof import("./node/http-fetch.js")> | undefined;
const nodeFetch: Fetch = async (url, init) => {
  transport ??= import("./node/http-fetch.js").catch((error: unknown) => {
    transport = undefined;
    throw error;
  });
  return (await transport).httpFetch(url, init);
};

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
export const createIotJobsClient = clientFactory(createNodeSigner, nodeFetch);
