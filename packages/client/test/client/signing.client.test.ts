import { NodeSha256 as Sha256 } from "@iot-jobs/test-support/sigv4";
import { SignatureV4 } from "@smithy/signature-v4";
import { afterEach, expect, test, vi } from "vitest";
import { createIotJobsClient } from "../../src/index.js";
import { credentials, HttpResponse, http, listHandler, page, useServer } from "../helpers.js";

const server = useServer();

afterEach(() => {
  vi.restoreAllMocks();
});

type Keys = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };

/** Recomputes the captured request's Authorization header with @smithy/signature-v4, an independent signer. */
async function verify(request: Request, region: string, keys: Keys) {
  const url = new URL(request.url);
  const amzDate = request.headers.get("x-amz-date") ?? "";
  const signingDate = new Date(amzDate.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, "$1-$2-$3T$4:$5:$6Z"));
  const signer = new SignatureV4({ service: "iot", region, credentials: keys, sha256: Sha256, applyChecksum: false });
  const query: Record<string, string> = {};
  for (const [k, v] of url.searchParams) query[k] = v;
  // The headers the request says it signed, minus those the verifier sets itself from the date and the keys.
  const names = /SignedHeaders=([^,]+),/.exec(request.headers.get("authorization") ?? "")?.[1]?.split(";") ?? [];
  const headers: Record<string, string> = { host: url.host };
  for (const name of names) {
    if (!["host", "x-amz-date", "x-amz-security-token"].includes(name)) headers[name] = request.headers.get(name) ?? "";
  }
  const signed = await signer.sign(
    { method: request.method, protocol: url.protocol, hostname: url.hostname, path: url.pathname, query, headers },
    { signingDate },
  );
  return { expected: signed.headers.authorization, actual: request.headers.get("authorization") };
}

test("the signature matches @smithy/signature-v4's, with signing name iot and the region in the scope", async () => {
  const { handler, requests } = listHandler(() => HttpResponse.json(page(0, 1)));
  server.use(handler);
  const token = "AQID+/=~ *!'()é";
  await createIotJobsClient({ region: "us-east-1", credentials }).listJobExecutionsForJob({
    jobId: "firmware_update-2026",
    status: "IN_PROGRESS",
    maxResults: 250,
    nextToken: token,
  });
  const [request] = requests;
  if (!request) throw new Error("no request");
  expect(new URL(request.url).searchParams.get("nextToken")).toBe(token);
  const { expected, actual } = await verify(request, "us-east-1", credentials);
  expect(actual).toBe(expected);
  // Like the AWS SDKs, the hash of the empty body is sent (and signed) rather than left for the server to assume.
  expect(request.headers.get("x-amz-content-sha256")).toBe(
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
  );
  expect(actual).toMatch(
    /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/us-east-1\/iot\/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=[0-9a-f]{64}$/,
  );
});

test("temporary credentials send x-amz-security-token, and sign it", async () => {
  const { handler, requests } = listHandler(() => HttpResponse.json(page(0, 1)));
  server.use(handler);
  const keys = { ...credentials, sessionToken: "FwoGZXIvYXdzEJr//////////wEaDOpaque+token=" };
  await createIotJobsClient({
    region: "eu-west-1",
    credentials: keys,
    endpoint: "https://iot.us-east-1.amazonaws.com",
  }).listJobExecutionsForJob({ jobId: "j" });
  const [request] = requests;
  if (!request) throw new Error("no request");
  expect(request.headers.get("x-amz-security-token")).toBe(keys.sessionToken);
  const { expected, actual } = await verify(request, "eu-west-1", keys);
  expect(actual).toBe(expected);
  expect(actual).toContain(
    "/eu-west-1/iot/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-security-token,",
  );
});

test("with a custom endpoint the signature covers its port and path prefix; the scope keeps the region", async () => {
  const { handler, requests } = listHandler(
    () => HttpResponse.json(page(0, 1)),
    "http://127.0.0.1:4010/prefix/v1/jobs/:jobId/things",
  );
  server.use(handler);
  await createIotJobsClient({
    region: "cn-north-1",
    credentials,
    endpoint: "http://127.0.0.1:4010/prefix/v1/",
  }).listJobExecutionsForJob({ jobId: "j" });
  const [request] = requests;
  if (!request) throw new Error("no request");
  expect(new URL(request.url).pathname).toBe("/prefix/v1/jobs/j/things");
  const { expected, actual } = await verify(request, "cn-north-1", credentials);
  expect(actual).toBe(expected);
  expect(actual).toContain("/cn-north-1/iot/aws4_request");
});

test("a wrong secret gives a signature the verifier rejects (the check can fail)", async () => {
  const { handler, requests } = listHandler(() => HttpResponse.json(page(0, 1)));
  server.use(handler);
  await createIotJobsClient({
    region: "us-east-1",
    credentials: { ...credentials, secretAccessKey: "wrong" },
  }).listJobExecutionsForJob({ jobId: "j" });
  const { expected, actual } = await verify(requests[0] as Request, "us-east-1", credentials);
  expect(actual).not.toBe(expected);
});

test("derived signing keys are reused: after the first call, one HMAC key import per request", async () => {
  server.use(http.get("https://iot.us-east-1.amazonaws.com/jobs/:jobId/things", () => HttpResponse.json(page(0, 1))));
  const importKey = vi.spyOn(crypto.subtle, "importKey");
  const client = createIotJobsClient({ region: "us-east-1", credentials });
  await client.listJobExecutionsForJob({ jobId: "j" });
  // kDate, kRegion, kService, kSigning and the signature itself.
  expect(importKey).toHaveBeenCalledTimes(5);
  await client.listJobExecutionsForJob({ jobId: "j" });
  await client.listJobExecutionsForJob({ jobId: "j" });
  expect(importKey).toHaveBeenCalledTimes(7);
});

test("each attempt is signed afresh (a retry gets its own x-amz-date and signature)", async () => {
  vi.spyOn(Math, "random").mockReturnValue(0);
  const { handler, requests } = listHandler((_, n) =>
    n === 1 ? new HttpResponse(null, { status: 503 }) : HttpResponse.json(page(0, 1)),
  );
  server.use(handler);
  await createIotJobsClient({ region: "us-east-1", credentials }).listJobExecutionsForJob({ jobId: "j" });
  expect(requests).toHaveLength(2);
  for (const request of requests) {
    const { expected, actual } = await verify(request, "us-east-1", credentials);
    expect(actual).toBe(expected);
  }
});
