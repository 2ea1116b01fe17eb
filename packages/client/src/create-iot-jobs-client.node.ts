import { clientFactory } from "./create-client.js";
import type { Fetch, SignerFactory } from "./sign.js";

// The node: modules load on the first call (signer and transport each in a chunk of their own), so that importing
// the client stays fast.
const once = <T>(load: () => Promise<T>) => {
  let loaded: Promise<T> | undefined;
  return () => {
    // A failed import is retried by the next call.
    loaded ??= load().catch((error: unknown) => {
      loaded = undefined;
      throw error;
    });
    return loaded;
  };
};
const transport = once(() => import("./node/http-fetch.js"));
const signing = once(() => import("./node/sign.js"));

const nodeFetch: Fetch = async (url, init) => (await transport()).httpFetch(url, init);
const nodeSigner: SignerFactory = (region) => {
  let sign: ReturnType<SignerFactory> | undefined;
  return async (identity, url, date) => {
    sign ??= (await signing()).createNodeSigner(region);
    return sign(identity, url, date);
  };
};

/**
 * Creates a client; it sends with node:http unless the config gives a `fetch`. Bad settings throw a `ConfigurationError` here; missing environment credentials are reported
 * by the first call (a `CredentialsProviderError`).
 * @see https://github.com/iot-jobs/iot-jobs/tree/main/packages/client#readme
 * @example
 * import { createIotJobsClient } from "@iot-jobs/client";
 *
 * const client = createIotJobsClient({ region: "us-east-1", throwOnError: true });
 * const page = await client.listJobExecutionsForJob({ jobId: "firmware-42", maxResults: 50 });
 */
const create = clientFactory(nodeSigner);
export const createIotJobsClient: typeof create = (config = {}) =>
  create({ ...config, fetch: config.fetch ?? nodeFetch });
