import { Sha256 } from "@aws-crypto/sha256-js";
import { SignatureV4 } from "@smithy/signature-v4";
import { expect, test } from "vitest";
import { createIotJobsMock } from "../../create-iot-jobs-mock.js";
import { TEST_CREDENTIALS } from "./credentials.js";

const suiteB = { accessKeyId: "AKIDSUITEB", secretAccessKey: "b-secret", accountId: "222222222222" };
const temporary = { accessKeyId: "ASIATEMP", secretAccessKey: "t-secret", sessionToken: "the-session" };
const denied = { accessKeyId: "AKIDDENIED", secretAccessKey: "d", accessDenied: true };
const credentials = [TEST_CREDENTIALS, suiteB, temporary, denied];

/** Signs like a client would, with the AWS SDK's own signer. */
async function signed(
  url: string,
  creds: { accessKeyId: string; secretAccessKey: string; sessionToken?: string },
  options: { region?: string; service?: string; date?: Date } = {},
) {
  const u = new URL(url);
  const signer = new SignatureV4({
    service: options.service ?? "iot",
    region: options.region ?? "us-east-1",
    credentials: creds,
    sha256: Sha256,
  });
  const request = await signer.sign(
    {
      method: "GET",
      protocol: u.protocol,
      hostname: u.hostname,
      path: u.pathname,
      query: Object.fromEntries(u.searchParams),
      headers: { host: u.host },
    },
    { signingDate: options.date ?? new Date() },
  );
  return new Request(url, { headers: request.headers });
}

async function call(mock: ReturnType<typeof createIotJobsMock>, request: Request) {
  const response = (await mock.handle(request))!;
  return {
    status: response.status,
    type: response.headers.get("x-amzn-ErrorType"),
    body: (await response.json()) as any,
  };
}

const url = "https://iot.us-east-1.amazonaws.com/jobs/fw-1/things?maxResults=5";
const strictMock = () => {
  const mock = createIotJobsMock({ strictAuth: true, credentials });
  mock.store.createJob({ jobId: "fw-1", executions: [{ thingName: "default-1" }] });
  mock.store.createJob({ jobId: "fw-1", accountId: "222222222222", executions: [{ thingName: "b-1" }] });
  mock.store.createJob({ jobId: "fw-1", accessKeyId: "ASIATEMP" });
  return mock;
};

test("a correctly signed request passes and sees its own account's data", async () => {
  const mock = strictMock();
  const a = await call(mock, await signed(url, TEST_CREDENTIALS));
  expect(a.status).toBe(200);
  expect(a.body.executionSummaries[0].thingArn).toMatch(/:123456789012:thing\/default-1$/);
  const b = await call(mock, await signed(url, suiteB));
  expect(b.body.executionSummaries[0].thingArn).toBe("arn:aws:iot:us-east-1:222222222222:thing/b-1");
  const custom = createIotJobsMock({ strictAuth: true, baseUrl: "http://localhost:4010" });
  custom.store.createJob({ jobId: "fw-1" });
  expect(
    (
      await call(
        custom,
        await signed("http://localhost:4010/jobs/fw-1/things?status=QUEUED", TEST_CREDENTIALS, { region: "eu-west-3" }),
      )
    ).status,
  ).toBe(200);
});

test("no Authorization header: 403 MissingAuthenticationTokenException", async () => {
  expect(await call(strictMock(), new Request(url))).toEqual({
    status: 403,
    type: "MissingAuthenticationTokenException",
    body: { message: "Missing Authentication Token" },
  });
});

test("an unknown access key, or a missing or wrong session token: 403 UnrecognizedClientException", async () => {
  const mock = strictMock();
  const refused = {
    status: 403,
    type: "UnrecognizedClientException",
    body: { message: "The security token included in the request is invalid." },
  };
  expect(await call(mock, await signed(url, { accessKeyId: "AKIDNOBODY", secretAccessKey: "x" }))).toEqual(refused);
  expect(await call(mock, await signed(url, { ...temporary, sessionToken: undefined }))).toEqual(refused);
  expect(await call(mock, await signed(url, { ...temporary, sessionToken: "stolen" }))).toEqual(refused);
  expect((await call(mock, await signed(url, temporary))).status).toBe(200);
});

test("a wrong secret, or a request changed after signing: 403 InvalidSignatureException with AWS's message", async () => {
  const mock = strictMock();
  const refused = {
    status: 403,
    type: "InvalidSignatureException",
    body: {
      message:
        "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.",
    },
  };
  expect(await call(mock, await signed(url, { ...TEST_CREDENTIALS, secretAccessKey: "wrong" }))).toEqual(refused);
  const good = await signed(url, TEST_CREDENTIALS);
  expect(await call(mock, new Request(url.replace("maxResults=5", "maxResults=6"), { headers: good.headers }))).toEqual(
    refused,
  );
  expect(await call(mock, new Request(url.replace("fw-1", "fw-2"), { headers: good.headers }))).toEqual(refused);
});

test("X-Amz-Date more than 5 minutes off: Signature expired / not yet current, in AWS's words", async () => {
  const mock = strictMock();
  const old = await call(mock, await signed(url, TEST_CREDENTIALS, { date: new Date(Date.now() - 10 * 60_000) }));
  expect(old.status).toBe(403);
  expect(old.type).toBe("InvalidSignatureException");
  expect(old.body.message).toMatch(
    /^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 5 min\.\)$/,
  );
  const future = await call(mock, await signed(url, TEST_CREDENTIALS, { date: new Date(Date.now() + 10 * 60_000) }));
  expect(future.body.message).toMatch(
    /^Signature not yet current: \d{8}T\d{6}Z is still later than \d{8}T\d{6}Z \(\d{8}T\d{6}Z \+ 5 min\.\)$/,
  );
  expect(
    (await call(mock, await signed(url, TEST_CREDENTIALS, { date: new Date(Date.now() - 4 * 60_000) }))).status,
  ).toBe(200);
});

test("a credential scoped to another service or region, or a malformed header: InvalidSignatureException", async () => {
  const mock = strictMock();
  const service = await call(mock, await signed(url, TEST_CREDENTIALS, { service: "execute-api" }));
  expect([service.type, service.body.message]).toEqual([
    "InvalidSignatureException",
    "Credential should be scoped to correct service: 'iot'. ",
  ]);
  const region = await call(mock, await signed(url, TEST_CREDENTIALS, { region: "eu-west-1" }));
  expect(region.body.message).toBe("Credential should be scoped to a valid region, not 'eu-west-1'. ");
  const bearer = await call(mock, new Request(url, { headers: { authorization: "Bearer abc" } }));
  expect([bearer.status, bearer.type]).toEqual([403, "InvalidSignatureException"]);
  const partial = await call(
    mock,
    new Request(url, {
      headers: {
        authorization: "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261129/us-east-1/iot/aws4_request",
      },
    }),
  );
  expect(partial.body.message).toBe(
    "Authorization header requires 'SignedHeaders' parameter. Authorization header requires 'Signature' parameter.",
  );
});

test("a key configured as denied: 403 AccessDeniedException naming the user, the action and the job", async () => {
  const mock = strictMock();
  const refused = await call(mock, await signed(url, denied));
  expect(refused.status).toBe(403);
  expect(refused.type).toBe("AccessDeniedException");
  expect(refused.body.message).toMatch(
    /^User: arn:aws:iam::\d{12}:user\/AKIDDENIED is not authorized to perform: iot:ListJobExecutionsForJob on resource: arn:aws:iot:us-east-1:\d{12}:job\/fw-1$/,
  );
});

test("lenient mode never checks signatures but still partitions by the key id's account", async () => {
  const mock = createIotJobsMock({ credentials: [suiteB] });
  mock.store.createJob({ jobId: "fw-1", accountId: "123456789012", executions: [{ thingName: "default-1" }] });
  mock.store.createJob({ jobId: "fw-1", accessKeyId: "AKIDANYONE", executions: [{ thingName: "anyone-1" }] });
  expect((await call(mock, new Request(url))).body.executionSummaries[0].thingArn).toContain(
    ":123456789012:thing/default-1",
  );
  const anyone = await call(mock, await signed(url, { accessKeyId: "AKIDANYONE", secretAccessKey: "whatever" }));
  expect(anyone.body.executionSummaries[0].thingArn).toContain(`:${mock.accountIdFor("AKIDANYONE")}:thing/anyone-1`);
  expect((await call(mock, await signed(url, suiteB))).status).toBe(404); // account 222222222222 has no fw-1
});

test("a signature whose SignedHeaders omit host is refused before it is checked, as AWS does", async () => {
  const mock = strictMock();
  const request = await signed(url, TEST_CREDENTIALS);
  const headers = new Headers(request.headers);
  // The SDK signer always signs host; a hand-rolled client may not (its signature is never even computed).
  headers.set("authorization", headers.get("authorization")!.replace("SignedHeaders=host;", "SignedHeaders="));
  expect(headers.get("authorization")).toMatch(/SignedHeaders=x-amz-content-sha256;x-amz-date,/);
  expect(await call(mock, new Request(url, { headers }))).toEqual({
    status: 403,
    type: "InvalidSignatureException",
    body: { message: "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization." },
  });
});

test("a long-term key that sends a session token gets UnrecognizedClientException", async () => {
  const mock = strictMock();
  const request = await signed(url, { ...TEST_CREDENTIALS, sessionToken: "stolen-or-stale" });
  expect(request.headers.get("x-amz-security-token")).toBe("stolen-or-stale");
  expect(await call(mock, request)).toEqual({
    status: 403,
    type: "UnrecognizedClientException",
    body: { message: "The security token included in the request is invalid." },
  });
});

test("with a region set, scopes for other regions are refused on base URLs; the AWS host's region still wins", async () => {
  const mock = createIotJobsMock({
    strictAuth: true,
    credentials,
    region: "eu-west-1",
    baseUrl: "http://localhost:4010",
  });
  mock.store.createJob({ jobId: "fw-1" });
  const local = "http://localhost:4010/jobs/fw-1/things";
  expect(await call(mock, await signed(local, TEST_CREDENTIALS, { region: "us-east-1" }))).toEqual({
    status: 403,
    type: "InvalidSignatureException",
    body: { message: "Credential should be scoped to a valid region, not 'us-east-1'. " },
  });
  expect((await call(mock, await signed(local, TEST_CREDENTIALS, { region: "eu-west-1" }))).status).toBe(200);
  expect((await call(mock, await signed(url, TEST_CREDENTIALS, { region: "us-east-1" }))).status).toBe(200);
  // Without a region option any scope is accepted on a base URL (the region only names ARNs by default).
  const open = createIotJobsMock({ strictAuth: true, credentials, baseUrl: "http://localhost:4010" });
  open.store.createJob({ jobId: "fw-1" });
  expect((await call(open, await signed(local, TEST_CREDENTIALS, { region: "ap-south-1" }))).status).toBe(200);
});
