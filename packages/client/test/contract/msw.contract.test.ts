import { createIotJobsMock, fleet, job } from "@iot-jobs/mocks/node";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import { clientContract } from "./client-contract.js";
import { clientFor, credentials, type Transport } from "./harness.js";

// The client against the mocks in-process: msw's setupServer with the mocks' handlers, registered per test on
// the real AWS endpoints. An unhandled request is an error.
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const msw: Transport = {
  name: "msw",
  async open(options) {
    const mock = createIotJobsMock(options);
    server.use(...mock.handlers);
    return { mock, config: { region: "us-east-1", credentials } };
  },
};

clientContract(msw);

test("msw: every partition's endpoint and FIPS reach the mock, signed for their region", async () => {
  const { mock } = await msw.open({ strictAuth: true });
  mock.store.createJob(job("fw-1", { fleet: fleet(2) }));
  for (const [region, useFipsEndpoint] of [
    ["eu-west-1", false],
    ["cn-northwest-1", false],
    ["us-gov-west-1", false],
    ["ca-central-1", true],
  ] as const) {
    const client = clientFor({ region, credentials, useFipsEndpoint }, { throwOnError: true });
    expect((await client.listJobExecutionsForJob({ jobId: "fw-1" })).executionSummaries).toHaveLength(2);
  }
  expect(mock.history.map((r) => [new URL(r.url).host, r.status])).toEqual([
    ["iot.eu-west-1.amazonaws.com", 200],
    ["iot.cn-northwest-1.amazonaws.com.cn", 200],
    ["iot.us-gov-west-1.amazonaws.com", 200],
    ["iot-fips.ca-central-1.amazonaws.com", 200],
  ]);
});
