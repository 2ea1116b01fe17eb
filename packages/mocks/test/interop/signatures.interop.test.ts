import { fileURLToPath } from "node:url";
import { Sha256 } from "@aws-crypto/sha256-js";
import { jobExecutionStatuses, servers } from "@iot-jobs/spec";
import { fastCheckSeed } from "@iot-jobs/test-support/fast-check";
import { canImportBotocore, runJsonLines } from "@iot-jobs/test-support/sigv4";
import { SignatureV4 } from "@smithy/signature-v4";
import fc from "fast-check";
import { beforeAll, expect, test } from "vitest";
import { createIotJobsMock, TEST_CREDENTIALS } from "../../src/node/index.js";

// Strict mode against two independent signers: botocore (boto3's, in one Python process for the batch, which
// also writes the URL with its own percent-encoding) and @smithy/signature-v4 (the AWS SDK for JavaScript's).
// Every request they sign must be accepted; the same request altered after signing (a query value, a signed
// header, the path, the date, the secret, the session token) must get a 403. Generated: awkward nextTokens,
// filters and page sizes, session tokens or none, every partition's endpoint. Replay with FC_SEED=<seed>.
const RUNS = 120;
const seed = fastCheckSeed("signatures");

const ci = process.env.CI === "true";
const hasBotocore = canImportBotocore();
if (!hasBotocore && !ci)
  console.warn(
    "[@iot-jobs/mocks] python3 with botocore not found: its signature test is skipped (CI=true makes it fail)",
  );

const SESSION = {
  accessKeyId: "ASIASIGNATURES",
  secretAccessKey: "session/secret+key",
  sessionToken: "IQoJb3JpZ2luX2Vj//+=token",
};
type Keys = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };

const mock = createIotJobsMock({
  strictAuth: true,
  credentials: [TEST_CREDENTIALS, { ...SESSION, accountId: TEST_CREDENTIALS.accountId }],
});
beforeAll(() => {
  for (const jobId of ["fw-1", "fw-2"]) mock.store.createJob({ jobId, fleet: { count: 5 } });
});

interface Case {
  readonly host: string;
  readonly region: string;
  readonly jobId: "fw-1" | "fw-2";
  readonly params: [string, string][];
  readonly keys: Keys;
}

const endpoints = servers.flatMap((s) => {
  const variable = s.variables.region as { default: string; enum?: readonly string[] };
  return (variable.enum ?? [variable.default, "eu-west-1", "us-gov-west-1"]).map((region) => ({
    host: new URL(s.url.replace("{region}", region)).host,
    region,
  }));
});
const awkward = fc.constantFrom(" ", "+", "/", "=", "%", "&", "?", "#", "~", "*", "é", "中", "😀", "%2F");
const cases: fc.Arbitrary<Case> = fc
  .record(
    {
      endpoint: fc.constantFrom(...endpoints),
      jobId: fc.constantFrom("fw-1" as const, "fw-2" as const),
      status: fc.constantFrom(...jobExecutionStatuses),
      maxResults: fc.integer({ min: 1, max: 250 }).map(String),
      nextToken: fc.oneof(
        fc
          .array(fc.oneof(awkward, fc.string({ maxLength: 6 })), { minLength: 1, maxLength: 12 })
          .map((a) => a.join("")),
        fc.string({ unit: "grapheme", minLength: 1, maxLength: 300 }),
      ),
      session: fc.boolean(),
    },
    { requiredKeys: ["endpoint", "jobId", "session"] },
  )
  .map(({ endpoint, jobId, session, ...query }) => ({
    ...endpoint,
    jobId,
    params: Object.entries(query).filter((e): e is [string, string] => e[1] !== undefined),
    keys: session ? SESSION : TEST_CREDENTIALS,
  }));

type Signed = { url: string; headers: Record<string, string> };

/** Every alteration of a signed request, and the 403 type it must get. */
function alterations({ url, headers }: Signed): [string, Signed, string][] {
  const u = new URL(url);
  const query = new URL(url);
  const size = query.searchParams.get("maxResults");
  query.searchParams.set("maxResults", size === "250" ? "249" : String(Number(size ?? 0) + 1));
  const path = url.replace(/\/jobs\/fw-(\d)\//, (_, n: string) => `/jobs/fw-${n === "1" ? 2 : 1}/`);
  const date = headers["x-amz-date"] ?? headers["X-Amz-Date"]!;
  const dateKey = headers["x-amz-date"] ? "x-amz-date" : "X-Amz-Date";
  const shifted = date.replace(/(\d)Z$/, (_, s: string) => `${(Number(s) + 1) % 10}Z`);
  const out: [string, Signed, string][] = [
    ["a changed query value", { url: query.toString(), headers }, "InvalidSignatureException"],
    ["another path", { url: path, headers }, "InvalidSignatureException"],
    [
      "a changed signed header (X-Amz-Date)",
      { url, headers: { ...headers, [dateKey]: shifted } },
      "InvalidSignatureException",
    ],
  ];
  // The same region on the other host the mock serves (standard ↔ FIPS; China has no FIPS server in the spec).
  const otherHost = u.host.startsWith("iot-fips.")
    ? u.host.replace("iot-fips.", "iot.")
    : u.host.endsWith(".amazonaws.com")
      ? `iot-fips.${u.host.slice(4)}`
      : undefined;
  if (otherHost)
    out.push(["another host", { url: url.replace(u.host, otherHost), headers }, "InvalidSignatureException"]);
  const tokenKey = Object.keys(headers).find((k) => k.toLowerCase() === "x-amz-security-token");
  if (tokenKey)
    out.push([
      "a changed session token",
      { url, headers: { ...headers, [tokenKey]: `${headers[tokenKey]}x` } },
      "UnrecognizedClientException",
    ]);
  return out;
}

async function answer({ url, headers }: Signed) {
  const response = (await mock.handle(new Request(url, { headers })))!;
  return { status: response.status, type: response.headers.get("x-amzn-ErrorType"), body: await response.text() };
}

/** Sends a signed request and its alterations: the first is accepted, each alteration refused with its 403. */
async function expectVerified(label: string, signed: Signed, extraUnsignedHeader = true) {
  const accepted = await answer(signed);
  expect([label, accepted.status === 403 ? `${accepted.type}: ${accepted.body}` : "accepted"]).toEqual([
    label,
    "accepted",
  ]);
  expect([200, 400]).toContain(accepted.status); // a page, or a refused (foreign) nextToken: past authentication
  if (extraUnsignedHeader) {
    // Headers outside SignedHeaders do not take part: adding one changes nothing.
    expect((await answer({ ...signed, headers: { ...signed.headers, "x-forwarded-for": "10.0.0.1" } })).status).toBe(
      accepted.status,
    );
  }
  for (const [what, altered, type] of alterations(signed)) {
    const refused = await answer(altered);
    expect([label, what, refused.status, refused.type]).toEqual([label, what, 403, type]);
  }
}

test(`@smithy/signature-v4: ${RUNS} signed requests are accepted, every alteration refused`, async () => {
  for (const [i, c] of fc.sample(cases, { seed, numRuns: RUNS }).entries()) {
    const query = Object.fromEntries(c.params);
    const signer = new SignatureV4({ service: "iot", region: c.region, credentials: c.keys, sha256: Sha256 });
    const path = `/jobs/${c.jobId}/things`;
    const signed = await signer.sign({
      method: "GET",
      protocol: "https:",
      hostname: c.host,
      path,
      query,
      headers: { host: c.host },
    });
    const { host: _, ...headers } = signed.headers;
    const search = new URLSearchParams(query).toString().replace(/\+/g, "%20");
    await expectVerified(`smithy #${i} (seed ${seed})`, {
      url: `https://${c.host}${path}${search ? `?${search}` : ""}`,
      headers,
    });
  }
  // And a wrong secret or a stale date, signed as such.
  const c = fc.sample(cases, { seed, numRuns: 1 })[0]!;
  const sign = (keys: Keys, signingDate = new Date()) =>
    new SignatureV4({ service: "iot", region: c.region, credentials: keys, sha256: Sha256 }).sign(
      {
        method: "GET",
        protocol: "https:",
        hostname: c.host,
        path: "/jobs/fw-1/things",
        query: {},
        headers: { host: c.host },
      },
      { signingDate },
    );
  for (const signed of [
    await sign({ ...c.keys, secretAccessKey: "wrong" }),
    await sign(c.keys, new Date(Date.now() - 600_000)),
  ]) {
    const { host: _, ...headers } = signed.headers;
    expect((await answer({ url: `https://${c.host}/jobs/fw-1/things`, headers })).type).toBe(
      "InvalidSignatureException",
    );
  }
});

test.runIf(hasBotocore || ci)(`botocore: ${RUNS} signed requests are accepted, every alteration refused`, async () => {
  expect(hasBotocore, "python3 with botocore is required in CI").toBe(true);
  const batch = fc.sample(cases, { seed: seed + 1, numRuns: RUNS });
  const lines = batch.flatMap((c, i) => {
    const base = { base: `https://${c.host}/jobs/${c.jobId}/things`, params: c.params, region: c.region, ...c.keys };
    return [
      { id: `${i}`, ...base },
      { id: `${i}-wrong-secret`, ...base, secretAccessKey: `${c.keys.secretAccessKey}x` },
      { id: `${i}-expired`, ...base, skewSeconds: -600 },
      { id: `${i}-not-yet-valid`, ...base, skewSeconds: 600 },
    ];
  });
  const script = fileURLToPath(new URL("botocore_sign.py", import.meta.url));
  const signed = new Map((await runJsonLines<Signed & { id: string }>(script, lines)).map(({ id, ...s }) => [id, s]));
  expect(signed.size).toBe(lines.length);
  for (const [i, c] of batch.entries()) {
    const original = signed.get(`${i}`)!;
    // botocore wrote the query itself: the values the mock reads are the ones that were signed.
    expect([...new URL(original.url).searchParams]).toEqual(c.params);
    await expectVerified(`botocore #${i} (seed ${seed})`, original);
    for (const variant of ["wrong-secret", "expired", "not-yet-valid"]) {
      const refused = await answer(signed.get(`${i}-${variant}`)!);
      expect([i, variant, refused.status, refused.type]).toEqual([i, variant, 403, "InvalidSignatureException"]);
    }
  }
});
