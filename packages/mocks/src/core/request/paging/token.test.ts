import { expect, test } from "vitest";
import { fromBase64Url, toBase64Url } from "./base64url.js";
import { type ScanPosition, TokenCodec } from "./token.js";

const position: ScanPosition = {
  accountId: "123456789012",
  jobId: "fw-1",
  incarnation: 3,
  status: 2,
  cursor: 250,
  end: 1_000,
};

test("a token opens to the position it sealed", () => {
  const codec = new TokenCodec();
  expect(codec.open(codec.issue(position))).toEqual(position);
});

test("changing any single character of a token makes it unopenable", () => {
  const codec = new TokenCodec();
  const token = codec.issue(position);
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  for (let i = 0; i < token.length; i++) {
    const other = alphabet[(alphabet.indexOf(token[i]!) + 1) % alphabet.length]!;
    const tampered = token.slice(0, i) + other + token.slice(i + 1);
    // The last character may carry unused padding bits; decoding then gives the same bytes and the same token.
    const same = toBase64Url(fromBase64Url(tampered) ?? new Uint8Array()) === token;
    if (!same) expect(codec.open(tampered), `position ${i}`).toBeUndefined();
  }
});

test("a forged payload with a recomputed-looking layout, garbage and truncations are refused", () => {
  const codec = new TokenCodec();
  const token = codec.issue(position);
  const bytes = fromBase64Url(token)!;
  const forgedPayload = new TextEncoder().encode(JSON.stringify(["123456789012", "fw-1", 3, 2, 0, 1_000_000]));
  const forged = new Uint8Array([...bytes.subarray(0, 17), ...forgedPayload]);
  for (const bad of [toBase64Url(forged), "", "forged", "AAAA", "not base64!", token.slice(0, 20), `${token}AA`]) {
    expect(codec.open(bad), bad).toBeUndefined();
  }
});

test("a token from another mock (another secret) is refused; a shared secret works across mocks", () => {
  const token = new TokenCodec().issue(position);
  expect(new TokenCodec().open(token)).toBeUndefined();
  const shared = new TokenCodec("s3cret").issue(position);
  expect(new TokenCodec("s3cret").open(shared)).toEqual(position);
});

test("a token issued long ago (beyond the recent-token cache) still opens through its HMAC", () => {
  const codec = new TokenCodec();
  const old = codec.issue(position);
  for (let i = 0; i < 5000; i++) codec.issue({ ...position, cursor: i });
  expect(codec.open(old)).toEqual(position);
});
