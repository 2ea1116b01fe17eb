import { afterEach, expect, test, vi } from "vitest";
import { type AwsCredentialIdentity, credentialSource } from "./credentials.js";
import { ConfigurationError, CredentialsProviderError } from "./errors.js";

const keys = { accessKeyId: "AKID", secretAccessKey: "SECRET" };
const MINUTE = 60_000;

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
});

/** A provider that hands out numbered credentials expiring `ttl` ms from now, counting its calls. */
function counting(ttl?: number) {
  const provider = vi.fn(async (): Promise<AwsCredentialIdentity> => {
    const n = provider.mock.calls.length;
    return {
      accessKeyId: `AKID${n}`,
      secretAccessKey: "s",
      sessionToken: `token${n}`,
      expiration: ttl === undefined ? undefined : new Date(Date.now() + ttl),
    };
  });
  return provider;
}

test("static credentials are returned as given", async () => {
  const get = credentialSource({ ...keys, sessionToken: "t" });
  expect(await get()).toEqual({ ...keys, sessionToken: "t" });
});

test.each([{}, { accessKeyId: "a" }, { secretAccessKey: "s" }, { accessKeyId: "", secretAccessKey: "s" }])(
  "static credentials %j are a ConfigurationError at creation",
  (bad) => {
    expect(() => credentialSource(bad as AwsCredentialIdentity)).toThrow(ConfigurationError);
  },
);

test("a provider without expiration is called once", async () => {
  const provider = counting();
  const get = credentialSource(provider);
  expect((await get()).accessKeyId).toBe("AKID1");
  expect((await get()).accessKeyId).toBe("AKID1");
  expect(provider).toHaveBeenCalledTimes(1);
});

test("credentials are refreshed within 5 minutes of their expiration, not before", async () => {
  vi.useFakeTimers();
  const provider = counting(60 * MINUTE);
  const get = credentialSource(provider);
  expect((await get()).accessKeyId).toBe("AKID1");
  vi.advanceTimersByTime(55 * MINUTE - 1);
  expect((await get()).accessKeyId).toBe("AKID1");
  vi.advanceTimersByTime(1);
  expect((await get()).accessKeyId).toBe("AKID2");
  expect((await get()).accessKeyId).toBe("AKID2");
  expect(provider).toHaveBeenCalledTimes(2);
});

test("concurrent callers share one in-flight refresh", async () => {
  let release!: () => void;
  const provider = vi.fn(
    () =>
      new Promise<AwsCredentialIdentity>(
        (resolve) => (release = () => resolve({ ...keys, expiration: new Date(Date.now() + 3_600_000) })),
      ),
  );
  const get = credentialSource(provider);
  const all = Promise.all([get(), get(), get()]);
  await vi.waitFor(() => expect(provider).toHaveBeenCalled());
  release();
  const results = await all;
  expect(provider).toHaveBeenCalledTimes(1);
  expect(results[0]).toBe(results[1]);
  expect(results[1]).toBe(results[2]);
});

test("concurrent callers of expired credentials also share one refresh", async () => {
  vi.useFakeTimers();
  const provider = counting(10 * MINUTE);
  const get = credentialSource(provider);
  await get();
  vi.advanceTimersByTime(6 * MINUTE);
  const [a, b] = await Promise.all([get(), get()]);
  expect(a.accessKeyId).toBe("AKID2");
  expect(b.accessKeyId).toBe("AKID2");
  expect(provider).toHaveBeenCalledTimes(2);
});

test("a failing provider gives a CredentialsProviderError with the cause; the next call asks again", async () => {
  const cause = new Error("IMDS unreachable");
  const provider = vi.fn().mockRejectedValueOnce(cause).mockResolvedValueOnce(keys);
  const get = credentialSource(provider);
  const error = await get().catch((e) => e);
  expect(error).toBeInstanceOf(CredentialsProviderError);
  expect(error.cause).toBe(cause);
  expect(error.message).toContain("IMDS unreachable");
  expect(await get()).toEqual(keys);
  expect(provider).toHaveBeenCalledTimes(2);
});

test("a provider that throws synchronously is reported the same way", async () => {
  const get = credentialSource((() => {
    throw new Error("sync");
  }) as never);
  await expect(get()).rejects.toBeInstanceOf(CredentialsProviderError);
});

test.each([undefined, {}, { accessKeyId: "a" }])("a provider result %j is a CredentialsProviderError", async (bad) => {
  await expect(credentialSource(async () => bad as never)()).rejects.toBeInstanceOf(CredentialsProviderError);
});

test("an expiration given as a string (parsed JSON) is honoured", async () => {
  vi.useFakeTimers();
  const provider = vi.fn(async () => ({
    ...keys,
    expiration: new Date(Date.now() + 6 * MINUTE).toISOString() as never,
  }));
  const get = credentialSource(provider);
  await get();
  vi.advanceTimersByTime(MINUTE);
  await get();
  expect(provider).toHaveBeenCalledTimes(2);
});

test("without credentials, the AWS_* variables are read at the first call", async () => {
  vi.stubEnv("AWS_ACCESS_KEY_ID", "");
  vi.stubEnv("AWS_SECRET_ACCESS_KEY", "");
  const get = credentialSource();
  vi.stubEnv("AWS_ACCESS_KEY_ID", "AKIDENV");
  vi.stubEnv("AWS_SECRET_ACCESS_KEY", "envsecret");
  vi.stubEnv("AWS_SESSION_TOKEN", "envtoken");
  expect(await get()).toMatchObject({ accessKeyId: "AKIDENV", secretAccessKey: "envsecret", sessionToken: "envtoken" });
});

test("AWS_CREDENTIAL_EXPIRATION makes environment credentials refresh", async () => {
  vi.useFakeTimers();
  vi.stubEnv("AWS_ACCESS_KEY_ID", "AKID1");
  vi.stubEnv("AWS_SECRET_ACCESS_KEY", "s");
  vi.stubEnv("AWS_CREDENTIAL_EXPIRATION", new Date(Date.now() + 10 * MINUTE).toISOString());
  const get = credentialSource();
  expect((await get()).accessKeyId).toBe("AKID1");
  vi.stubEnv("AWS_ACCESS_KEY_ID", "AKID2");
  expect((await get()).accessKeyId).toBe("AKID1");
  vi.advanceTimersByTime(5 * MINUTE);
  expect((await get()).accessKeyId).toBe("AKID2");
});

test("no credentials anywhere is a CredentialsProviderError naming the variables", async () => {
  vi.stubEnv("AWS_ACCESS_KEY_ID", "");
  vi.stubEnv("AWS_SECRET_ACCESS_KEY", "");
  const error = await credentialSource()().catch((e) => e);
  expect(error).toBeInstanceOf(CredentialsProviderError);
  expect(error.message).toContain("AWS_ACCESS_KEY_ID");
});
