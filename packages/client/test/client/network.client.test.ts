// Transport failures for real, without msw: a closed port on loopback, and fetch-shaped failures from a custom fetch.
import { createServer } from "node:net";
import { afterEach, expect, test, vi } from "vitest";
import { NetworkError } from "../../src/index.js";
import { createIotJobsClient as createNodeClient } from "../../src/node.js";
import { client, credentials } from "../helpers.js";

afterEach(() => {
  vi.restoreAllMocks();
});

/** A loopback port that was just free: listen on port 0, note the port, close. */
const closedPort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

test.each([
  ["default entry", client],
  ["node entry", (config: object) => createNodeClient({ region: "us-east-1", credentials, ...config })],
])("%s: a closed port is a NetworkError naming the origin and ECONNREFUSED, never the path", async (_, make) => {
  vi.spyOn(Math, "random").mockReturnValue(0);
  const port = await closedPort();
  const { error, $metadata } = await make({
    endpoint: `http://127.0.0.1:${port}/tenant-secret-7/`,
  }).listJobExecutionsForJob({ jobId: "j" });
  expect(error).toBeInstanceOf(NetworkError);
  expect(error?.message).toBe(
    `[@iot-jobs/client] No response from http://127.0.0.1:${port}: connect ECONNREFUSED 127.0.0.1:${port}`,
  );
  expect(error).toMatchObject({ code: "ECONNREFUSED", $retryable: { throttling: false } });
  expect(error?.message).not.toContain("tenant-secret-7");
  expect($metadata.attempts).toBe(3);
});

/** fetch's TypeError around undici's or node:net's error, as Node's fetch throws it. */
const fetchFailing = (message: string, code: string) => async () => {
  throw new TypeError("fetch failed", { cause: Object.assign(new Error(message), { code }) });
};

test.each([
  [
    "getaddrinfo ENOTFOUND iot.eu-west-3.amazonaws.com",
    "ENOTFOUND",
    "getaddrinfo ENOTFOUND iot.eu-west-3.amazonaws.com",
  ],
  ["certificate has expired", "CERT_HAS_EXPIRED", "certificate has expired (CERT_HAS_EXPIRED)"],
  [
    "Connect Timeout Error (attempted address: iot.eu-west-3.amazonaws.com:443, timeout: 10000ms)",
    "UND_ERR_CONNECT_TIMEOUT",
    "Connect Timeout Error (attempted address: iot.eu-west-3.amazonaws.com:443, timeout: 10000ms) (UND_ERR_CONNECT_TIMEOUT)",
  ],
])("%s: the root cause and its code are in the message, with the endpoint's origin", async (message, code, reason) => {
  const { error } = await client({
    region: "eu-west-3",
    maxAttempts: 1,
    fetch: fetchFailing(message, code),
  }).listJobExecutionsForJob({ jobId: "j" });
  expect(error?.message).toBe(`[@iot-jobs/client] No response from https://iot.eu-west-3.amazonaws.com: ${reason}`);
  expect(error).toMatchObject({ name: "NetworkError", code });
  expect(error?.cause).toMatchObject({ message: "fetch failed" });
});

test("a browser's bare TypeError: the message is the reason, no code", async () => {
  const fetch = async () => {
    throw new TypeError("Failed to fetch");
  };
  const { error } = await client({ maxAttempts: 1, fetch }).listJobExecutionsForJob({ jobId: "j" });
  expect(error?.message).toBe(
    "[@iot-jobs/client] No response from https://iot.us-east-1.amazonaws.com: Failed to fetch",
  );
  expect(error?.code).toBeUndefined();
});
