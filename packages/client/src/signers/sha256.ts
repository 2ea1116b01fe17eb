import { hmac } from "@noble/hashes/hmac.js";
import { sha256 } from "@noble/hashes/sha2.js";

type Data = string | ArrayBuffer | ArrayBufferView;
const encoder = new TextEncoder();
const bytes = (data: Data): Uint8Array =>
  typeof data === "string"
    ? encoder.encode(data)
    : ArrayBuffer.isView(data)
      ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
      : new Uint8Array(data);

/**
 * SHA-256, or HMAC-SHA-256 when given a secret, in the shape @smithy/signature-v4 takes (`update`, `digest`),
 * computed synchronously by @noble/hashes (audited, dependency-free, pure JS). Only adapts; no hashing here.
 */
export class Sha256 {
  private hash;
  constructor(private readonly secret?: Data) {
    this.hash = this.fresh();
  }
  update(data: Data): void {
    this.hash.update(bytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return this.hash.digest();
  }
  reset(): void {
    this.hash = this.fresh();
  }
  private fresh() {
    return this.secret === undefined ? sha256.create() : hmac.create(sha256, bytes(this.secret));
  }
}
