import { connect } from "node:net";
import { expect, test } from "vitest";
import { rootCause } from "./cause.js";

const coded = (message: string, code: string) => Object.assign(new Error(message), { code });

test.each([
  // [error, want]
  [
    new TypeError("fetch failed", { cause: coded("connect ECONNREFUSED 127.0.0.1:4999", "ECONNREFUSED") }),
    { reason: "connect ECONNREFUSED 127.0.0.1:4999", code: "ECONNREFUSED" },
  ],
  [
    new TypeError("fetch failed", { cause: coded("getaddrinfo ENOTFOUND iot.eu-wset-1.amazonaws.com", "ENOTFOUND") }),
    { reason: "getaddrinfo ENOTFOUND iot.eu-wset-1.amazonaws.com", code: "ENOTFOUND" },
  ],
  [
    new TypeError("fetch failed", { cause: coded("self-signed certificate", "DEPTH_ZERO_SELF_SIGNED_CERT") }),
    { reason: "self-signed certificate (DEPTH_ZERO_SELF_SIGNED_CERT)", code: "DEPTH_ZERO_SELF_SIGNED_CERT" },
  ],
  [
    new TypeError("fetch failed", {
      cause: coded("Connect Timeout Error (attempted address: h:443, timeout: 10000ms)", "UND_ERR_CONNECT_TIMEOUT"),
    }),
    {
      reason: "Connect Timeout Error (attempted address: h:443, timeout: 10000ms) (UND_ERR_CONNECT_TIMEOUT)",
      code: "UND_ERR_CONNECT_TIMEOUT",
    },
  ],
  // node:http's own errors carry the code themselves.
  [coded("socket hang up", "ECONNRESET"), { reason: "socket hang up (ECONNRESET)", code: "ECONNRESET" }],
  // Browsers: a bare TypeError.
  [new TypeError("Failed to fetch"), { reason: "Failed to fetch", code: undefined }],
  ["a string", { reason: "a string", code: undefined }],
] as [unknown, unknown][])("rootCause(%s)", (error, want) => {
  expect(rootCause(error)).toEqual(want);
});

test("node:net's AggregateError (every address refused) gives each address, and a circular chain ends", () => {
  const aggregate = Object.assign(
    new AggregateError(
      [coded("connect ECONNREFUSED ::1:1", "ECONNREFUSED"), coded("connect ECONNREFUSED 127.0.0.1:1", "ECONNREFUSED")],
      "",
    ),
    { code: "ECONNREFUSED" },
  );
  expect(rootCause(new TypeError("fetch failed", { cause: aggregate }))).toEqual({
    reason: "connect ECONNREFUSED ::1:1; connect ECONNREFUSED 127.0.0.1:1",
    code: "ECONNREFUSED",
  });
  const a: Error & { cause?: unknown } = new Error("a");
  a.cause = new Error("b", { cause: a });
  expect(rootCause(a).reason).toMatch(/^[ab]$/);
});

test("a real refused connection: node:net's error as it comes", async () => {
  const error = await new Promise<Error>((resolve) => connect(1, "127.0.0.1").on("error", resolve));
  expect(rootCause(error)).toEqual({ reason: "connect ECONNREFUSED 127.0.0.1:1", code: "ECONNREFUSED" });
});
