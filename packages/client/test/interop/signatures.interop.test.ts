import { fileURLToPath } from "node:url";
import { jobExecutionStatuses, parameters } from "@iot-jobs/spec";
import { fastCheckSeed } from "@iot-jobs/test-support/fast-check";
import { canImportBotocore, runJsonLines, NodeSha256 as Sha256 } from "@iot-jobs/test-support/sigv4";
import { SignatureV4 } from "@smithy/signature-v4";
import fc from "fast-check";
import { expect, test } from "vitest";
import { createIotJobsClient, type IotJobsClientConfig, type ListJobExecutionsForJobInput } from "../../src/index.js";
import { createIotJobsClient as createNodeIotJobsClient } from "../../src/node.js";

/** Both signers of the package: aws4fetch on Web Crypto (default entry) and node:crypto (`node` entry). */
const entries = [
  ["aws4fetch (default entry)", createIotJobsClient],
  ["node:crypto (node entry)", createNodeIotJobsClient],
] as const;
type Factory = (typeof entries)[number][1];

// Signatures, differentially: requests signed by this client (captured through its `fetch` option, never sent)
// are recomputed by two independent signers: @smithy/signature-v4 (the AWS SDK for JavaScript's) in-process, and
// botocore's SigV4Auth (boto3's) in one Python process for the batch. Inputs are generated: awkward nextTokens
// (spaces, + / = %, unicode, emoji, thousands of characters), session tokens or none, regions of every partition,
// FIPS and custom endpoints with ports and path prefixes. Replay with FC_SEED=<seed>.
const SMITHY_RUNS = 1_000;
const BOTOCORE_RUNS = 300;
const seed = fastCheckSeed("signatures");

const ci = process.env.CI === "true";
const hasBotocore = canImportBotocore();
if (!hasBotocore && !ci)
  console.warn(
    "[@iot-jobs/client] python3 with botocore not found: the botocore check is skipped (CI=true makes it fail)",
  );

type Keys = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
interface Case {
  readonly config: Omit<IotJobsClientConfig, "throwOnError"> & { region: string; credentials: Keys };
  readonly input: ListJobExecutionsForJobInput;
}
interface Captured {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
}

const alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const chars = (set: string, min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...set), minLength: min, maxLength: max });
const jobIdSchema = parameters.find((p) => p.name === "jobId")!.schema;
const jobIdChars = [..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-"].filter((c) =>
  new RegExp(jobIdSchema.pattern).test(c),
);
const awkward = fc.constantFrom(
  " ",
  "+",
  "/",
  "=",
  "%",
  "%20",
  "&",
  "?",
  "#",
  "~",
  "*",
  "'",
  "!",
  "(",
  ")",
  "é",
  "中",
  "😀",
  "🏳️‍🌈",
  "\n",
);

const cases: fc.Arbitrary<Case> = fc.record({
  config: fc
    .record({
      region: fc.constantFrom(
        "us-east-1",
        "eu-west-1",
        "ap-southeast-5",
        "il-central-1",
        "cn-north-1",
        "us-gov-west-1",
      ),
      where: fc.constantFrom("regional", "fips", "loopback", "prefixed"),
      credentials: fc.record(
        {
          accessKeyId: chars(alnum, 16, 16).map((s) => `AKIA${s}`),
          secretAccessKey: chars(`${alnum}abcdefghijklmnopqrstuvwxyz+/`, 40, 40),
          sessionToken: fc.oneof(
            chars(`${alnum}abcdefghijklmnopqrstuvwxyz+/=`, 16, 400),
            fc.constant("IQoJb3JpZ2luX2Vj+/="),
          ),
        },
        { requiredKeys: ["accessKeyId", "secretAccessKey"] },
      ),
      port: fc.integer({ min: 1024, max: 65535 }),
    })
    .map(({ region, where, credentials, port }) => ({
      region,
      credentials,
      ...(where === "fips" ? { useFipsEndpoint: true } : {}),
      ...(where === "loopback" ? { endpoint: `http://127.0.0.1:${port}` } : {}),
      ...(where === "prefixed" ? { endpoint: `https://gateway.example.com:${port}/iot/v1/` } : {}),
    })),
  input: fc.record(
    {
      jobId: fc.string({ unit: fc.constantFrom(...jobIdChars), minLength: 1, maxLength: 64 }),
      status: fc.constantFrom(...jobExecutionStatuses),
      maxResults: fc.integer({ min: 1, max: 250 }),
      nextToken: fc.oneof(
        fc.array(fc.oneof(awkward, chars(alnum, 1, 8)), { minLength: 1, maxLength: 20 }).map((a) => a.join("")),
        fc.string({ unit: "grapheme", minLength: 1, maxLength: 200 }),
        chars(`${alnum}+/=`, 1_000, 4_000),
      ),
    },
    { requiredKeys: ["jobId"] },
  ),
});

/** Signs a case with this client and returns the request it would have sent. */
async function capture({ config, input }: Case, create: Factory = createIotJobsClient): Promise<Captured> {
  let captured: Captured | undefined;
  const client = create({
    ...config,
    maxAttempts: 1,
    fetch: async (url: string | URL, init?: RequestInit) => {
      const request = new Request(url, init);
      captured = { method: request.method, url: request.url, headers: Object.fromEntries(request.headers) };
      return Response.json({ executionSummaries: [] }, { headers: { "x-amzn-RequestId": "captured" } });
    },
  });
  const { error } = await client.listJobExecutionsForJob(input);
  expect(error).toBeUndefined();
  return captured!;
}

/** The query as RFC 3986 reads it: only unreserved characters and %XX escapes may travel unescaped-safe. */
function decodedQuery(url: URL): [string, string][] {
  const raw = url.search.slice(1);
  // No raw "+" or space: a server decoding forms would read "+" as a space and compute another signature.
  expect(raw, "query characters").toMatch(/^([A-Za-z0-9\-._~!'()*=&]|%[0-9A-F]{2})*$/);
  return raw
    .split("&")
    .filter(Boolean)
    .map((pair) => {
      const [k = "", v = ""] = pair.split("=");
      return [decodeURIComponent(k), decodeURIComponent(v)];
    });
}

/** What the case put in the query, in the wire's names. */
const sentQuery = ({ input }: Case) =>
  Object.fromEntries(
    Object.entries({ status: input.status, maxResults: input.maxResults, nextToken: input.nextToken })
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, String(v)]),
  );

/** The Authorization header @smithy/signature-v4 computes for the captured request. */
async function smithy(c: Case, r: Captured): Promise<string | undefined> {
  const url = new URL(r.url);
  const query: Record<string, string> = Object.fromEntries(decodedQuery(url));
  const headers: Record<string, string> = { host: url.host };
  for (const [name, value] of Object.entries(r.headers)) {
    if (!["authorization", "x-amz-date", "x-amz-security-token"].includes(name)) headers[name] = value;
  }
  const date = r.headers["x-amz-date"]!.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, "$1-$2-$3T$4:$5:$6Z");
  const signer = new SignatureV4({
    service: "iot",
    region: c.config.region,
    credentials: c.config.credentials,
    sha256: Sha256,
    applyChecksum: false,
  });
  const signed = await signer.sign(
    {
      method: r.method,
      protocol: url.protocol,
      hostname: url.hostname,
      port: url.port ? Number(url.port) : undefined,
      path: url.pathname,
      query,
      headers,
    },
    { signingDate: new Date(date) },
  );
  return signed.headers.authorization;
}

/** The request is what the case asked for: the query round-trips, the token header is there iff it should be. */
function expectFaithful(c: Case, r: Captured) {
  const url = new URL(r.url);
  expect(Object.fromEntries(decodedQuery(url))).toEqual(sentQuery(c));
  expect(url.pathname.endsWith(`/jobs/${c.input.jobId}/things`)).toBe(true);
  expect(r.headers["x-amz-security-token"]).toBe(c.config.credentials.sessionToken);
  expect(r.headers.authorization).toMatch(
    new RegExp(
      `^AWS4-HMAC-SHA256 Credential=${c.config.credentials.accessKeyId}/\\d{8}/${c.config.region}/iot/aws4_request, SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}$`,
    ),
  );
}

test.each(entries)(
  `%s: @smithy/signature-v4 recomputes the same Authorization for ${SMITHY_RUNS} generated requests`,
  async (_, create) => {
    const started = performance.now();
    await fc.assert(
      fc.asyncProperty(cases, async (c) => {
        const r = await capture(c, create);
        expectFaithful(c, r);
        expect(r.headers.authorization).toBe(await smithy(c, r));
      }),
      { seed, numRuns: SMITHY_RUNS },
    );
    console.info(
      `[signatures] smithy: ${SMITHY_RUNS} requests in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  },
  60_000,
);

test.runIf(hasBotocore || ci).each(entries)(
  `%s: botocore's SigV4Auth recomputes the same Authorization for ${BOTOCORE_RUNS} generated requests`,
  async (_, create) => {
    expect(hasBotocore, "python3 with botocore is required in CI").toBe(true);
    const started = performance.now();
    const batch = fc.sample(cases, { seed, numRuns: BOTOCORE_RUNS });
    const captured = await Promise.all(batch.map((c) => capture(c, create)));
    const lines = captured.map((r, id) => {
      expectFaithful(batch[id]!, r);
      const { region, credentials } = batch[id]!.config;
      return { id, ...r, region, ...credentials };
    });
    const script = fileURLToPath(new URL("botocore_verify.py", import.meta.url));
    const results = await runJsonLines<{ id: number; expected: string; canonicalRequest: string }>(script, lines);
    expect(results).toHaveLength(BOTOCORE_RUNS);
    const mismatches = results
      .filter((r) => r.expected !== captured[r.id]!.headers.authorization)
      .map((r) => ({
        seed,
        case: batch[r.id],
        sent: captured[r.id],
        botocore: r.expected,
        canonicalRequest: r.canonicalRequest,
      }));
    expect(mismatches.slice(0, 3)).toEqual([]);
    console.info(
      `[signatures] botocore: ${BOTOCORE_RUNS} requests in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  },
  60_000,
);
