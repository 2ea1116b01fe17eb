import { signingName } from "@iot-jobs/spec";
import type { SignatureV4 } from "@smithy/signature-v4";
import type { AwsCredentialIdentity } from "../credentials.js";
import { EMPTY_BODY_SHA256, type SignerFactory } from "../sign.js";

// Node's Web Crypto runs every digest and HMAC as a thread-pool job: two per request cost more than the rest of a
// call. In Node (and Bun and Deno, which match the `node` export condition) the client signs with
// @smithy/signature-v4 and the pure-JS SHA-256 of @noble/hashes instead: synchronous hashing, derived keys cached
// by the signer. Both load on the first call, so importing the client stays fast.
const importLibraries = () => Promise.all([import("@smithy/signature-v4"), import("./sha256.js")]);
let libraries: ReturnType<typeof importLibraries> | undefined;

/** The two libraries, imported once (a failed import is retried by the next call). */
const load = () => {
  libraries ??= importLibraries().catch((error: unknown) => {
    libraries = undefined;
    throw error;
  });
  return libraries;
};

/**
 * SigV4 by @smithy/signature-v4 with a synchronous SHA-256: the signer of the `node` build. One signer per
 * credentials object (the credential source hands out the same object until it refreshes).
 */
export const createNodeSigner: SignerFactory = (region) => {
  let current: { identity: AwsCredentialIdentity; signer: SignatureV4 } | undefined;
  return async (identity, url, date) => {
    const [{ SignatureV4 }, { Sha256 }] = await load();
    if (current?.identity !== identity) {
      current = {
        identity,
        signer: new SignatureV4({ credentials: identity, region, service: signingName, sha256: Sha256 }),
      };
    }
    const { protocol, hostname, port, host, pathname, searchParams } = new URL(url);
    const { headers } = await current.signer.sign(
      {
        method: "GET",
        protocol,
        hostname,
        port: port ? Number(port) : undefined,
        path: pathname,
        query: Object.fromEntries(searchParams),
        headers: { host, "x-amz-content-sha256": EMPTY_BODY_SHA256 },
      },
      { signingDate: date },
    );
    // fetch sets Host itself from the URL (the value signed above).
    const { host: _, ...rest } = headers;
    return rest;
  };
};
