import { createHash, createHmac } from "node:crypto";
import { signingName } from "@iot-jobs/spec";
import { EMPTY_BODY_SHA256, type SignerFactory } from "../sign.js";

// SigV4 for the client's one request shape (a GET without a body, four or five signed headers) on node:crypto's
// native SHA-256 and HMAC. @smithy/signature-v4 (with a pure-JS SHA-256) spent about 45-65 µs a request here,
// mostly cloning and canonicalising the general request it handles and re-hashing the credentials for its key
// cache; this takes about 7 µs. The encoding rules are smithy's and botocore's for non-S3 services (path segments
// normalised and encoded twice, query pairs encoded per RFC 3986 and sorted), and both recompute every signature
// this produces in test/interop/signatures.interop.test.ts.

/** RFC 3986 encoding, as SigV4 wants it: encodeURIComponent plus `!'()*`. */
const uriEscape = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** The canonical path: `.` and `..` segments and empty ones resolved away, then encoded again (not S3). */
const canonicalPath = (path: string) => {
  const segments: string[] = [];
  for (const segment of path.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") segments.pop();
    else segments.push(segment);
  }
  const joined = `/${segments.join("/")}${segments.length > 0 && path.endsWith("/") ? "/" : ""}`;
  return uriEscape(joined).replace(/%2F/g, "/");
};

/** The canonical query: each pair encoded, sorted by encoded key, then value. */
const canonicalQuery = (params: URLSearchParams) => {
  const pairs: [string, string][] = [];
  for (const [key, value] of params) pairs.push([uriEscape(key), uriEscape(value)]);
  pairs.sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
  return pairs.map(([key, value]) => `${key}=${value}`).join("&");
};

const hmac = (key: string | Buffer, data: string) => createHmac("sha256", key).update(data).digest();

/**
 * SigV4 on node:crypto: the signer of the `node` entry. The derived signing key (four HMACs) is cached per secret
 * and day for the client's region and the signing name `iot`, and the `x-amz-date` string per second.
 */
export const createCryptoSigner: SignerFactory = (region) => {
  const keys = new Map<string, Buffer>();
  let second = Number.NaN;
  let amzDate = "";
  return async (identity, url, date) => {
    // The client's clock, corrected for skew by the caller.
    const now = date.getTime();
    if (Math.floor(now / 1000) !== second) {
      second = Math.floor(now / 1000);
      // 2026-12-06T22:46:01.123Z → 20261206T224601Z
      amzDate = new Date(now).toISOString().replace(/[-:]|\.\d{3}/g, "");
    }
    const day = amzDate.slice(0, 8);
    const scope = `${day}/${region}/${signingName}/aws4_request`;
    const cacheKey = `${day}\n${identity.secretAccessKey}`;
    let key = keys.get(cacheKey);
    if (!key) {
      // A key per day and per secret: keep the cache small in a long-lived process.
      if (keys.size > 8) keys.clear();
      key = hmac(hmac(hmac(hmac(`AWS4${identity.secretAccessKey}`, day), region), signingName), "aws4_request");
      keys.set(cacheKey, key);
    }
    const { host, pathname, searchParams } = new URL(url);
    const token = identity.sessionToken;
    const signedHeaders = `host;x-amz-content-sha256;x-amz-date${token ? ";x-amz-security-token" : ""}`;
    const canonical = [
      "GET",
      canonicalPath(pathname),
      canonicalQuery(searchParams),
      `host:${host}`,
      `x-amz-content-sha256:${EMPTY_BODY_SHA256}`,
      `x-amz-date:${amzDate}`,
      ...(token ? [`x-amz-security-token:${token.trim()}`] : []),
      "",
      signedHeaders,
      EMPTY_BODY_SHA256,
    ].join("\n");
    const stringToSign = `AWS4-HMAC-SHA256\n${amzDate}\n${scope}\n${createHash("sha256").update(canonical).digest("hex")}`;
    const headers: Record<string, string> = {
      authorization: `AWS4-HMAC-SHA256 Credential=${identity.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${createHmac("sha256", key).update(stringToSign).digest("hex")}`,
      "x-amz-content-sha256": EMPTY_BODY_SHA256,
      "x-amz-date": amzDate,
    };
    if (token) headers["x-amz-security-token"] = token;
    return headers;
  };
};
