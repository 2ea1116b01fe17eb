import { Sha256 } from "@aws-crypto/sha256-js";
import { SignatureV4 } from "@smithy/signature-v4";
import type { PlainRequest } from "../http/plain.js";
import type { SigV4Authorization } from "./authorization-header.js";

/**
 * Recomputes a request's SigV4 signature with @smithy/signature-v4 (the signer of the AWS SDK for JavaScript)
 * from exactly the headers the client listed as signed, its `X-Amz-Date`, its credential scope, and the given
 * secret; returns whether it matches. No SigV4 is hand-written here: the mock only feeds the signer.
 *
 * @example
 * await verifySignature(request, auth, "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", signingDate);
 */
export async function verifySignature(
  request: PlainRequest,
  auth: SigV4Authorization,
  secretAccessKey: string,
  signingDate: Date,
): Promise<boolean> {
  const { url } = request;
  const headers: Record<string, string> = {};
  for (const name of auth.signedHeaders) {
    // fetch's Request may hide `host`; the URL carries the same value (with the port when not the default).
    const value = request.header(name) ?? (name === "host" ? url.host : null);
    if (value === null) return false; // a signed header that did not arrive
    headers[name] = value;
  }
  const query: Record<string, string | string[]> = {};
  for (const [key, value] of url.searchParams) {
    const previous = query[key];
    query[key] = previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
  }
  const body = request.method === "GET" || request.method === "HEAD" ? undefined : await request.body();
  const signer = new SignatureV4({
    service: auth.service,
    region: auth.region,
    credentials: { accessKeyId: auth.accessKeyId, secretAccessKey },
    sha256: Sha256,
    applyChecksum: false, // never add x-amz-content-sha256 unless the client signed it
    uriEscapePath: true,
  });
  const signed = await signer.sign(
    {
      method: request.method,
      protocol: url.protocol,
      hostname: url.hostname,
      path: url.pathname,
      query,
      headers,
      body,
    },
    { signingDate, signableHeaders: new Set(auth.signedHeaders) },
  );
  const expected = /Signature=([0-9a-f]+)/.exec(signed.headers.authorization ?? "")?.[1];
  const expectedHeaders = /SignedHeaders=([^,]+)/.exec(signed.headers.authorization ?? "")?.[1];
  return expected === auth.signature && expectedHeaders === auth.signedHeaders.join(";");
}
