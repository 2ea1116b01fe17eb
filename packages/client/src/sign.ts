import type { AwsCredentialIdentity } from "./credentials.js";

/** The fetch a client sends with: called with a URL and an init, like `globalThis.fetch`. */
export type Fetch = (input: URL, init: RequestInit) => Promise<Response>;

/** Sends one GET of a URL signed at `date` (the client's skew-corrected time), honouring the signal. */
export type SignedFetch = (url: string, signal: AbortSignal | undefined, date: Date) => Promise<Response>;

/**
 * Signs a GET of `url` with SigV4 for the client's region and the signing name `iot`, at `date`: the headers to
 * send.
 */
export type RequestSigner = (identity: AwsCredentialIdentity, url: string, date: Date) => Promise<HeadersInit>;

/** Makes the request signer of a client for its region (one per client, so that derived keys are shared). */
export type SignerFactory = (region: string) => RequestSigner;

/**
 * The SHA-256 of the empty body, sent and signed as the AWS SDKs do: the signer need not hash the body.
 */
export const EMPTY_BODY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/**
 * Makes the signed fetch of a client: current credentials, SigV4 headers from the platform's signer, then `fetch`.
 */
export function signedFetch(
  sign: RequestSigner,
  credentials: () => Promise<AwsCredentialIdentity>,
  fetcher?: Fetch,
): SignedFetch {
  return async (url, signal, date) => {
    const headers = await sign(await credentials(), url, date);
    // Looked up per call, so that a fetch patched later (msw, tracing) is the one used.
    return (fetcher ?? fetch)(new URL(url), { method: "GET", headers, signal });
  };
}
