import { signingName } from "@iot-jobs/spec";
import { AwsV4Signer } from "aws4fetch";
import type { AwsCredentialIdentity } from "./credentials.js";

/** The fetch a client sends with: called with a URL and an init, like `globalThis.fetch`. */
export type Fetch = (input: URL, init: RequestInit) => Promise<Response>;

/**
 * The request openapi-fetch builds for our fetch (its `Request` option): a plain record of what signing reads.
 * In Node 20, building and reading an undici `Request` costs more than signing; fetch builds the real one anyway.
 */
export class SigningRequest {
  declare readonly method: string;
  declare readonly headers: Headers;
  declare readonly signal?: AbortSignal;
  constructor(
    readonly url: string,
    init: RequestInit,
  ) {
    Object.assign(this, init);
  }
}

/**
 * Makes the fetch openapi-fetch calls: it signs the request with SigV4 (aws4fetch), signing name and region always
 * explicit (aws4fetch would guess `execute-api` from an `iot.*` host), and sends it with `fetcher`. The derived
 * signing keys (one per secret, day, region and service) are cached and shared by every call of the client.
 */
export function signer(region: string, credentials: () => Promise<AwsCredentialIdentity>, fetcher?: Fetch) {
  const keys = new Map<string, ArrayBuffer>();
  return async (request: SigningRequest): Promise<Response> => {
    const identity = await credentials();
    // A key per day and per secret: keep the cache small in a long-lived process.
    if (keys.size > 8) keys.clear();
    const { url, method, headers } = await new AwsV4Signer({
      ...identity,
      method: request.method,
      url: request.url,
      headers: request.headers,
      service: signingName,
      region,
      cache: keys,
    }).sign();
    // Looked up per call, so that a fetch patched later (msw, tracing) is the one used.
    return (fetcher ?? fetch)(url, { method, headers, signal: request.signal });
  };
}
