import { signingName } from "@iot-jobs/spec";
import { AwsV4Signer } from "aws4fetch";
import { EMPTY_BODY_SHA256, type SignerFactory } from "../sign.js";

/**
 * SigV4 by aws4fetch on Web Crypto: the signer of browsers, edge workers and every runtime without the `node`
 * export condition. The signing name and region are always explicit (aws4fetch would guess `execute-api` from an
 * `iot.*` host). The derived signing keys (one per secret, day, region and service) are cached per client.
 */
export const createWebSigner: SignerFactory = (region) => {
  const keys = new Map<string, ArrayBuffer>();
  return async (identity, url, date) => {
    // A key per day and per secret: keep the cache small in a long-lived process.
    if (keys.size > 8) keys.clear();
    const signed = await new AwsV4Signer({
      ...identity,
      url,
      headers: { "x-amz-content-sha256": EMPTY_BODY_SHA256 },
      service: signingName,
      region,
      cache: keys,
      datetime: date.toISOString().replace(/[:-]|\.\d{3}/g, ""),
    }).sign();
    return signed.headers;
  };
};
