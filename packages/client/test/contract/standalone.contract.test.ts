import { type MockServer, startMockServer } from "@iot-jobs/mocks/node";
import { afterEach, expect, test } from "vitest";
import { createIotJobsClient } from "../../src/node.js";
import { clientContract } from "./client-contract.js";
import { clientFor, credentials, type Transport, useEntry } from "./harness.js";

// The client against the standalone mock server over loopback (127.0.0.1, a random port), one server per test:
// real HTTP, real sockets, SigV4 over host:port. It runs the `node` entry, as a Node user gets it (signed by
// node:crypto, sent with node:http); the msw suite runs the default entry (aws4fetch on Web Crypto, sent with fetch).
useEntry(createIotJobsClient);
const open: MockServer[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

const loopback: Transport = {
  name: "loopback",
  async open(options) {
    const server = await startMockServer({ ...options });
    open.push(server);
    return { mock: server.mock, config: { region: "us-east-1", endpoint: server.url, credentials } };
  },
};

clientContract(loopback);

test("loopback: the server listens on 127.0.0.1 on a random port, and a path prefix on the endpoint is kept", async () => {
  const { mock, config } = await loopback.open();
  expect(config.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  mock.store.createJob({ jobId: "fw-1" });
  const prefixed = clientFor({ ...config, endpoint: `${config.endpoint}/iot/` });
  const { error } = await prefixed.listJobExecutionsForJob({ jobId: "fw-1" });
  // The standalone server serves the operation at the root: the prefix is sent, so the path is unknown to it.
  expect(error?.code).toBe("UnknownOperationException");
  expect(mock.history).toHaveLength(0);
});
