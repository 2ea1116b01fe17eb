import { signingName } from "@iot-jobs/spec";
import { AwsV4Signer } from "aws4fetch";
import type { AwsCredentialIdentity } from "./credentials.js";

/** The fetch a client sends with: called with a URL and an init, like `globalThis.fetch`. */
export type Fetch = (input: URL, init: RequestInit) => Promise<Response>;

/** Sends one signed GET of a URL, honouring the signal. */
export type SignedFetch = (url: string, signal?: AbortSignal) => Promise<Response>;

// The SHA-256 of the empty body, sent and signed as the AWS SDKs do: aws4fetch then skips hashing the body, one
// Web Crypto round trip less per request.
const EMPTY_BODY_SHA256 = {
  "x-amz-content-sha256": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
};

/**
 * Makes the signed fetch of a client: SigV4 by aws4fetch, with the signing name and region always explicit
 * (aws4fetch would guess `execute-api` from an `iot.*` host). The derived signing keys (one per secret, day,
 * region and service) are cached and shared by every call of the client.
 */
export function signer(
  region: string,
  credentials: () => Promise<AwsCredentialIdentity>,
  fetcher?: Fetch,
): SignedFetch {
  const keys = new Map<string, ArrayBuffer>();
  return async (url, signal) => {
    const identity = await credentials();
    // A key per day and per secret: keep the cache small in a long-lived process.
    if (keys.size > 8) keys.clear();
    const signed = await new AwsV4Signer({
      ...identity,
      url,
      headers: EMPTY_BODY_SHA256,
      service: signingName,
      region,
      cache: keys,
    }).sign();
    // Looked up per call, so that a fetch patched later (msw, tracing) is the one used.
    return (fetcher ?? fetch)(signed.url, { method: "GET", headers: signed.headers, signal });
  };
}
