import { createHash, createHmac, type Hash, type Hmac } from "node:crypto";
import { signingName } from "@iot-jobs/spec";
import { SignatureV4 } from "@smithy/signature-v4";
import type { AwsCredentialIdentity } from "../credentials.js";
import { EMPTY_BODY_SHA256, type SignerFactory } from "../sign.js";

// The `node` entry signs with @smithy/signature-v4, the official SDK's signer (SigV4 is not ours to write), fed
// with node:crypto's native, synchronous SHA-256 and HMAC instead of a pure-JS hash. The signer caches the
// derived key per day, region and service; one signer per credentials object keeps that cache warm.

type Data = string | ArrayBuffer | ArrayBufferView;
const bytes = (data: Data) =>
  typeof data === "string" || ArrayBuffer.isView(data) ? data : new Uint8Array(data as ArrayBuffer);

/** node:crypto's SHA-256, or HMAC-SHA-256 when given a secret, in the shape the signer takes. Only adapts. */
class NodeSha256 {
  private hash: Hash | Hmac;
  constructor(private readonly secret?: Data) {
    this.hash = this.fresh();
  }
  update(data: Data): void {
    this.hash.update(bytes(data) as string);
  }
  async digest(): Promise<Uint8Array> {
    return this.hash.digest();
  }
  reset(): void {
    this.hash = this.fresh();
  }
  private fresh() {
    return this.secret === undefined ? createHash("sha256") : createHmac("sha256", bytes(this.secret) as string);
  }
}

/**
 * SigV4 by @smithy/signature-v4 on node:crypto: the signer of the `node` entry. It signs with the date it is given
 * (the client's clock, corrected for skew by the caller).
 */
export const createNodeSigner: SignerFactory = (region) => {
  let current: { identity: AwsCredentialIdentity; signer: SignatureV4 } | undefined;
  return async (identity, url, date) => {
    if (current?.identity !== identity) {
      current = {
        identity,
        signer: new SignatureV4({ credentials: identity, region, service: signingName, sha256: NodeSha256 }),
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
    // The transport sets Host itself from the URL (the value signed above).
    const { host: _, ...rest } = headers;
    return rest;
  };
};
