import { expect, test } from "vitest";
import { accountIdForAccessKeyId, credentialRegistry, DEFAULT_ACCOUNT_ID, TEST_CREDENTIALS } from "./credentials.js";

test("derived account ids are 12 digits, stable, and differ between keys", () => {
  const a = accountIdForAccessKeyId("AKIDSUITEA");
  expect(a).toMatch(/^\d{12}$/);
  expect(accountIdForAccessKeyId("AKIDSUITEA")).toBe(a);
  const ids = new Set(Array.from({ length: 1000 }, (_, i) => accountIdForAccessKeyId(`AKID${i}`)));
  expect(ids.size).toBe(1000);
});

test("configured accounts win over derived ones; the test credentials map to the default account", () => {
  const registry = credentialRegistry([TEST_CREDENTIALS, { accessKeyId: "AKIDB", secretAccessKey: "b" }]);
  expect(registry.accountIdFor(TEST_CREDENTIALS.accessKeyId)).toBe(DEFAULT_ACCOUNT_ID);
  expect(registry.accountIdFor("AKIDB")).toBe(accountIdForAccessKeyId("AKIDB"));
  expect(registry.find("AKIDB")?.secretAccessKey).toBe("b");
  expect(registry.find("nobody")).toBeUndefined();
});

test.each([
  [[{ accessKeyId: "", secretAccessKey: "x" }], /credentials\[0\]\.accessKeyId: value "" must be a non-empty string/],
  [[{ accessKeyId: "A", secretAccessKey: "" }], /credentials\[0\]\.secretAccessKey/],
  [
    [{ accessKeyId: "A", secretAccessKey: "x", accountId: "1" }],
    /credentials\[0\]\.accountId: value "1" must be a 12-digit account id/,
  ],
  [[{ accessKeyId: "A", secretAccessKey: "x", secret: "y" }], /credentials\[0\]\.secret: .* is not a known field/],
  [
    [
      { accessKeyId: "A", secretAccessKey: "x" },
      { accessKeyId: "A", secretAccessKey: "y" },
    ],
    /credentials\[1\]\.accessKeyId: value "A" is listed twice/,
  ],
  ["nope", /credentials: value "nope" must be an array/],
])("bad credentials %j are refused with the field named", (list, message) => {
  expect(() => credentialRegistry(list as never)).toThrow(message);
});

test("the SDK's `$source` tag on a credentials object is tolerated", () => {
  expect(() => credentialRegistry([{ ...TEST_CREDENTIALS, $source: {} } as never])).not.toThrow();
});
