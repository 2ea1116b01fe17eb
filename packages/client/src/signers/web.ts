import { signingName } from "@iot-jobs/spec";
import { EMPTY_BODY_SHA256, type SignerFactory } from "../sign.js";

// SigV4 of one GET with an empty body on Web Crypto: the signer of browsers, edge workers and every runtime without
// the `node` export condition. It replaced aws4fetch's AwsV4Signer (about 2,490 bytes gzip, most of them for what
// this client never does: S3, presigned URLs, request bodies, guessing the service from the host) to keep the
// browser bundle within its budget (docs/decisions/client-signers.md). test/interop/signatures.interop.test.ts
// recomputes its signatures with botocore and @smithy/signature-v4 over generated requests.

const encoder = new TextEncoder();
const hex = (bytes: ArrayBuffer) => [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, "0")).join("");
const hmac = async (key: ArrayBuffer | string, data: string) =>
  crypto.subtle.sign(
    "HMAC",
    await crypto.subtle.importKey(
      "raw",
      typeof key === "string" ? encoder.encode(key) : key,
      { name: "HMAC", hash: "SHA-256" },
      false,
      ["sign"],
    ),
    encoder.encode(data),
  );
/** RFC 3986 encoding, as SigV4 wants it (encodeURIComponent leaves `!'()*` alone). */
const uriEncode = (text: string) =>
  encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * Makes the signer of a client for its region (signing name `iot`). Signs `host`, `x-amz-content-sha256`,
 * `x-amz-date` and `x-amz-security-token`; the path is encoded twice (the rule for every service but S3), the
 * query sorted. The derived signing keys (one per secret and day) are cached per client.
 */
export const createWebSigner: SignerFactory = (region) => {
  const keys = new Map<string, ArrayBuffer>();
  return async ({ accessKeyId, secretAccessKey, sessionToken }, url, date) => {
    const { host, pathname, searchParams } = new URL(url);
    const amzDate = date.toISOString().replace(/[:-]|\.\d{3}/g, "");
    const day = amzDate.slice(0, 8);
    const scope = `${day}/${region}/${signingName}/aws4_request`;
    const headers: Record<string, string> = { host, "x-amz-content-sha256": EMPTY_BODY_SHA256, "x-amz-date": amzDate };
    if (sessionToken) headers["x-amz-security-token"] = sessionToken;
    const sorted = Object.keys(headers).sort();
    const names = sorted.join(";");
    const request = [
      "GET",
      uriEncode(pathname.replace(/\/+/g, "/")).replace(/%2F/g, "/"),
      [...searchParams]
        .map((pair) => pair.map(uriEncode).join("="))
        .sort()
        .join("&"),
      sorted.map((name) => `${name}:${headers[name]}\n`).join(""),
      names,
      EMPTY_BODY_SHA256,
    ];
    const cacheKey = `${secretAccessKey}/${day}`;
    let key = keys.get(cacheKey);
    if (!key) {
      // A key per day and per secret: keep the cache small in a long-lived page.
      if (keys.size > 8) keys.clear();
      key = await hmac(
        await hmac(await hmac(await hmac(`AWS4${secretAccessKey}`, day), region), signingName),
        "aws4_request",
      );
      keys.set(cacheKey, key);
    }
    const digest = hex(await crypto.subtle.digest("SHA-256", encoder.encode(request.join("\n"))));
    const signature = hex(await hmac(key, `AWS4-HMAC-SHA256\n${amzDate}\n${scope}\n${digest}`));
    // fetch sets Host itself from the URL (the value signed above).
    const { host: _, ...rest } = headers;
    return {
      ...rest,
      authorization: `AWS4-HMAC-SHA256 Credential=${accessKeyId}/${scope}, SignedHeaders=${names}, Signature=${signature}`,
    };
  };
};
