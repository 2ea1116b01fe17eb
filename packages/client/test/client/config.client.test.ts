import { afterEach, expect, test, vi } from "vitest";
import { ConfigurationError, CredentialsProviderError, createIotJobsClient } from "../../src/index.js";
import { awsError, client, credentials, HttpResponse, listHandler, page, useServer } from "../helpers.js";

const server = useServer();

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

const keyId = (request: Request | undefined) =>
  /Credential=([^/]+)\//.exec(request?.headers.get("authorization") ?? "")?.[1];
const scope = (request: Request | undefined) =>
  /Credential=[^/]+\/\d{8}\/([^,]+),/.exec(request?.headers.get("authorization") ?? "")?.[1];

test.each([
  ["cn-north-1", false, "https://iot.cn-north-1.amazonaws.com.cn"],
  ["us-east-1", true, "https://iot-fips.us-east-1.amazonaws.com"],
  ["us-gov-west-1", false, "https://iot.us-gov-west-1.amazonaws.com"],
  ["us-gov-west-1", true, "https://iot-fips.us-gov-west-1.amazonaws.com"],
  ["cn-northwest-1", true, "https://iot-fips.cn-northwest-1.amazonaws.com.cn"],
])("%s (FIPS %s) sends to %s, signed for the region", async (region, useFipsEndpoint, base) => {
  const { handler, requests } = listHandler(() => HttpResponse.json(page(0, 1)), `${base}/jobs/:jobId/things`);
  server.use(handler);
  const { data } = await createIotJobsClient({ region, useFipsEndpoint, credentials }).listJobExecutionsForJob({
    jobId: "j",
  });
  expect(data?.executionSummaries).toHaveLength(1);
  expect(scope(requests[0])).toBe(`${region}/iot/aws4_request`);
});

test("FIPS with a custom endpoint is refused at creation", () => {
  expect(() =>
    createIotJobsClient({ region: "us-east-1", useFipsEndpoint: true, endpoint: "http://127.0.0.1:1", credentials }),
  ).toThrow(ConfigurationError);
});

test("the region comes from AWS_REGION, else AWS_DEFAULT_REGION; the option wins", async () => {
  const { handler, requests } = listHandler(
    () => HttpResponse.json(page(0, 1)),
    "https://iot.:region.amazonaws.com/jobs/:jobId/things",
  );
  server.use(handler);
  vi.stubEnv("AWS_REGION", "");
  vi.stubEnv("AWS_DEFAULT_REGION", "eu-west-3");
  await createIotJobsClient({ credentials }).listJobExecutionsForJob({ jobId: "j" });
  vi.stubEnv("AWS_REGION", "ap-south-1");
  await createIotJobsClient({ credentials }).listJobExecutionsForJob({ jobId: "j" });
  await createIotJobsClient({ credentials, region: "sa-east-1" }).listJobExecutionsForJob({ jobId: "j" });
  expect(requests.map((r) => new URL(r.url).hostname)).toEqual([
    "iot.eu-west-3.amazonaws.com",
    "iot.ap-south-1.amazonaws.com",
    "iot.sa-east-1.amazonaws.com",
  ]);
});

test("the endpoint comes from AWS_ENDPOINT_URL_IOT, else AWS_ENDPOINT_URL, as botocore reads them; the option wins", async () => {
  const { handler, requests } = listHandler(() => HttpResponse.json(page(0, 1)), "*/jobs/:jobId/things");
  server.use(handler);
  vi.stubEnv("AWS_ENDPOINT_URL_IOT", "");
  vi.stubEnv("AWS_ENDPOINT_URL", "http://global.example/all");
  await createIotJobsClient({ region: "us-east-1", credentials }).listJobExecutionsForJob({ jobId: "j" });
  vi.stubEnv("AWS_ENDPOINT_URL_IOT", "http://iot.example/only-iot");
  await createIotJobsClient({ region: "us-east-1", credentials }).listJobExecutionsForJob({ jobId: "j" });
  const explicit = { region: "us-east-1", credentials, endpoint: "http://explicit.example/mine" };
  await createIotJobsClient(explicit).listJobExecutionsForJob({ jobId: "j" });
  expect(requests.map((r) => r.url)).toEqual([
    "http://global.example/all/jobs/j/things",
    "http://iot.example/only-iot/jobs/j/things",
    "http://explicit.example/mine/jobs/j/things",
  ]);
  // FIPS and an endpoint from the environment cannot be combined either.
  expect(() => createIotJobsClient({ region: "us-east-1", credentials, useFipsEndpoint: true })).toThrow(
    /FIPS and custom endpoint are not supported/,
  );
});

test("AWS_USE_FIPS_ENDPOINT=true picks the FIPS endpoint, unless an endpoint is configured; the option wins", async () => {
  const { handler, requests } = listHandler(() => HttpResponse.json(page(0, 1)), "*/jobs/:jobId/things");
  server.use(handler);
  vi.stubEnv("AWS_ENDPOINT_URL_IOT", "");
  vi.stubEnv("AWS_ENDPOINT_URL", "");
  vi.stubEnv("AWS_USE_FIPS_ENDPOINT", "true");
  const region = "ca-central-1";
  await createIotJobsClient({ region, credentials }).listJobExecutionsForJob({ jobId: "j" });
  await createIotJobsClient({ region, credentials, useFipsEndpoint: false }).listJobExecutionsForJob({ jobId: "j" });
  // A mock on loopback stays reachable from a shell that exports FIPS for real AWS.
  const mock = { region, credentials, endpoint: "http://mock.example" };
  await createIotJobsClient(mock).listJobExecutionsForJob({ jobId: "j" });
  vi.stubEnv("AWS_ENDPOINT_URL_IOT", "http://env-mock.example");
  await createIotJobsClient({ region, credentials }).listJobExecutionsForJob({ jobId: "j" });
  vi.stubEnv("AWS_ENDPOINT_URL_IOT", "");
  vi.stubEnv("AWS_USE_FIPS_ENDPOINT", "false");
  await createIotJobsClient({ region, credentials }).listJobExecutionsForJob({ jobId: "j" });
  expect(requests.map((r) => new URL(r.url).host)).toEqual([
    "iot-fips.ca-central-1.amazonaws.com",
    "iot.ca-central-1.amazonaws.com",
    "mock.example",
    "env-mock.example",
    "iot.ca-central-1.amazonaws.com",
  ]);
});

test("AWS_MAX_ATTEMPTS sets the attempts when the option is absent; a bad value is a ConfigurationError", async () => {
  vi.spyOn(Math, "random").mockReturnValue(0); // no backoff delay: the retries follow at once
  const { handler, requests } = listHandler(() => awsError(503, "ServiceUnavailableException"));
  server.use(handler);
  vi.stubEnv("AWS_MAX_ATTEMPTS", "2");
  const attempts = async (config: { maxAttempts?: number }) =>
    (await client(config).listJobExecutionsForJob({ jobId: "j" })).$metadata.attempts;
  expect(await attempts({})).toBe(2);
  expect(await attempts({ maxAttempts: 4 })).toBe(4);
  expect(requests).toHaveLength(6);
  for (const bad of ["0", "two", "1.5"]) {
    vi.stubEnv("AWS_MAX_ATTEMPTS", bad);
    expect(() => client()).toThrow(ConfigurationError);
  }
});

test("no region anywhere is a ConfigurationError that says where to set it", () => {
  vi.stubEnv("AWS_REGION", "");
  vi.stubEnv("AWS_DEFAULT_REGION", "");
  expect(() => createIotJobsClient({ credentials })).toThrow(
    "[@iot-jobs/client] No region: pass region or set AWS_REGION",
  );
});

test.each([
  [{ maxAttempts: 0 }, "Invalid maxAttempts 0: must be an integer ≥ 1"],
  [{ maxAttempts: 1.5 }, "Invalid maxAttempts 1.5: must be an integer ≥ 1"],
  [{ maxAttempts: Number.NaN }, "Invalid maxAttempts NaN: must be an integer ≥ 1"],
  [{ requestTimeout: 0 }, "Invalid requestTimeout 0: must be > 0"],
  [{ requestTimeout: -1 }, "Invalid requestTimeout -1: must be > 0"],
  [{ requestTimeout: Number.NaN }, "Invalid requestTimeout NaN: must be > 0"],
  [{ systemClockOffset: Number.NaN }, "Invalid systemClockOffset NaN: must be a number"],
  [{ systemClockOffset: "20m" as never }, "Invalid systemClockOffset 20m: must be a number"],
])("%j is a ConfigurationError naming only that option", (bad, message) => {
  expect(() => createIotJobsClient({ region: "us-east-1", credentials, ...bad })).toThrow(ConfigurationError);
  expect(() => createIotJobsClient({ region: "us-east-1", credentials, ...bad })).toThrow(
    new ConfigurationError({ message: `[@iot-jobs/client] ${message}` }),
  );
});

test("a ConfigurationError names the variable a bad value came from, or the option when it was given in code", () => {
  vi.stubEnv("AWS_MAX_ATTEMPTS", "two");
  expect(() => client()).toThrow("[@iot-jobs/client] Invalid AWS_MAX_ATTEMPTS two: must be an integer ≥ 1");
  vi.stubEnv("AWS_REGION", "eu-wset-1");
  expect(() => createIotJobsClient({ credentials, maxAttempts: 2 })).toThrow(
    '[@iot-jobs/client] Invalid AWS_REGION "eu-wset-1": not an AWS region; did you mean eu-west-1?',
  );
  expect(() => createIotJobsClient({ credentials, region: "eu-wset-1", maxAttempts: 2 })).toThrow(
    '[@iot-jobs/client] Invalid region "eu-wset-1": not an AWS region; did you mean eu-west-1?',
  );
  vi.stubEnv("AWS_REGION", "");
  vi.stubEnv("AWS_DEFAULT_REGION", "us-wst-2");
  expect(() => createIotJobsClient({ credentials, maxAttempts: 2 })).toThrow(
    '[@iot-jobs/client] Invalid AWS_DEFAULT_REGION "us-wst-2": not an AWS region; did you mean us-west-2?',
  );
  vi.stubEnv("AWS_ENDPOINT_URL", "http://user:hunter2@127.0.0.1:4010");
  expect(() => client({ maxAttempts: 2 })).toThrow(
    "[@iot-jobs/client] Invalid AWS_ENDPOINT_URL http://***@127.0.0.1:4010: must not contain credentials",
  );
  expect(() => client({ maxAttempts: 2, endpoint: "https://u:pw@gw.example/iot" })).toThrow(
    "[@iot-jobs/client] Invalid endpoint https://***@gw.example/iot: must not contain credentials",
  );
});

test.each([
  [{ accessKeyId: "", secretAccessKey: "s" }, "Invalid credentials.accessKeyId: must be a non-empty string"],
  [{ accessKeyId: "AKID", secretAccessKey: "" }, "Invalid credentials.secretAccessKey: must be a non-empty string"],
])("static credentials %j are refused at creation, naming the key given in code", (bad, message) => {
  vi.stubEnv("AWS_ACCESS_KEY_ID", "");
  expect(() => createIotJobsClient({ region: "us-east-1", credentials: bad })).toThrow(
    new ConfigurationError({ message: `[@iot-jobs/client] ${message}` }),
  );
});

test("missing variables and a provider's bad credentials are named as such, and nothing is sent", async () => {
  const { handler, requests } = listHandler(() => HttpResponse.json(page(0, 1)));
  server.use(handler);
  vi.stubEnv("AWS_ACCESS_KEY_ID", "AKIDENV");
  vi.stubEnv("AWS_SECRET_ACCESS_KEY", "");
  const fromEnv = await createIotJobsClient({ region: "us-east-1" }).listJobExecutionsForJob({ jobId: "j" });
  expect(fromEnv.error).toBeInstanceOf(CredentialsProviderError);
  expect(fromEnv.error?.message).toBe(
    "[@iot-jobs/client] No AWS_SECRET_ACCESS_KEY: set it (and AWS_ACCESS_KEY_ID), or pass credentials",
  );
  const provider = async () => ({ accessKeyId: "", secretAccessKey: "s" });
  const fromProvider = await createIotJobsClient({
    region: "us-east-1",
    credentials: provider,
  }).listJobExecutionsForJob({ jobId: "j" });
  expect(fromProvider.error?.message).toBe("[@iot-jobs/client] No accessKeyId from the credentials provider");
  expect([fromEnv.$metadata.attempts, fromProvider.$metadata.attempts]).toEqual([0, 0]);
  expect(requests).toHaveLength(0);
});

test("a provider's credentials are refreshed before they expire, and the new keys sign", async () => {
  vi.useFakeTimers({ toFake: ["Date"] });
  let n = 0;
  const provider = vi.fn(async () => ({
    accessKeyId: `ASIA${++n}`,
    secretAccessKey: "s",
    sessionToken: `token-${n}`,
    expiration: new Date(Date.now() + 15 * 60_000),
  }));
  const { handler, requests } = listHandler(() => HttpResponse.json(page(0, 1)));
  server.use(handler);
  const client = createIotJobsClient({ region: "us-east-1", credentials: provider });
  await client.listJobExecutionsForJob({ jobId: "j" });
  vi.advanceTimersByTime(9 * 60_000);
  await client.listJobExecutionsForJob({ jobId: "j" });
  vi.advanceTimersByTime(60_000); // 5 minutes left: refresh
  await Promise.all([client.listJobExecutionsForJob({ jobId: "j" }), client.listJobExecutionsForJob({ jobId: "j" })]);
  expect(requests.map(keyId)).toEqual(["ASIA1", "ASIA1", "ASIA2", "ASIA2"]);
  expect(requests.map((r) => r.headers.get("x-amz-security-token"))).toEqual([
    "token-1",
    "token-1",
    "token-2",
    "token-2",
  ]);
  expect(provider).toHaveBeenCalledTimes(2);
});

test("credentials come from the environment, session token included", async () => {
  vi.stubEnv("AWS_ACCESS_KEY_ID", "ASIAENV");
  vi.stubEnv("AWS_SECRET_ACCESS_KEY", "secret");
  vi.stubEnv("AWS_SESSION_TOKEN", "envtoken");
  const { handler, requests } = listHandler(() => HttpResponse.json(page(0, 1)));
  server.use(handler);
  await createIotJobsClient({ region: "us-east-1" }).listJobExecutionsForJob({ jobId: "j" });
  expect(keyId(requests[0])).toBe("ASIAENV");
  expect(requests[0]?.headers.get("x-amz-security-token")).toBe("envtoken");
});

test("a failing provider is a CredentialsProviderError value; nothing is sent (0 attempts), nothing retried", async () => {
  const { handler, requests } = listHandler(() => HttpResponse.json(page(0, 1)));
  server.use(handler);
  const cause = new Error("SSO session expired");
  const client = createIotJobsClient({ region: "us-east-1", credentials: () => Promise.reject(cause) });
  const { error, $metadata } = await client.listJobExecutionsForJob({ jobId: "j" });
  expect(error).toBeInstanceOf(CredentialsProviderError);
  expect(error?.cause).toBe(cause);
  expect($metadata).toMatchObject({ attempts: 0, httpStatusCode: undefined });
  expect(requests).toHaveLength(0);
});

test("a custom fetch is used, with a URL and an init", async () => {
  const fetch = vi.fn(async (_url: URL, _init: RequestInit) => Response.json(page(0, 2)));
  const { data } = await createIotJobsClient({ region: "us-east-1", credentials, fetch }).listJobExecutionsForJob({
    jobId: "j",
  });
  expect(data?.executionSummaries).toHaveLength(2);
  const [url, init] = fetch.mock.calls[0] ?? [];
  expect(String(url)).toBe("https://iot.us-east-1.amazonaws.com/jobs/j/things");
  expect(init?.method).toBe("GET");
  expect(new Headers(init?.headers).get("authorization")).toMatch(/^AWS4-HMAC-SHA256 /);
  // No signal unless there is something to abort (undici's fetch is slower with one).
  expect(init?.signal).toBeUndefined();
  await createIotJobsClient({ region: "us-east-1", credentials, fetch, requestTimeout: 5_000 }).listJobExecutionsForJob(
    {
      jobId: "j",
    },
  );
  expect(fetch.mock.calls[1]?.[1]?.signal).toBeInstanceOf(AbortSignal);
});
