/**
 * A fresh request id, shaped like AWS's (`6a1f2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b`): a random UUID from Web Crypto,
 * available in Node 20 and every browser the worker supports.
 *
 * @example
 * response.headers.set("x-amzn-RequestId", newRequestId());
 */
export function newRequestId(): string {
  return crypto.randomUUID();
}
