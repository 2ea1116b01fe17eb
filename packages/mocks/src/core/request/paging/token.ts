import { Sha256 } from "@aws-crypto/sha256-js";
import { fromBase64Url, toBase64Url } from "./base64url.js";

/** Where a scan stands: whose job, which filter, the next sequence number to read, and the scan's end. */
export interface ScanPosition {
  readonly accountId: string;
  readonly jobId: string;
  /** The job's incarnation: a token outlives neither a deleted job nor a reset. */
  readonly incarnation: number;
  /** Index of the status filter in `jobExecutionStatuses`, or -1 for none. */
  readonly status: number;
  /** The next sequence number to read. */
  readonly cursor: number;
  /** The job's size when the scan began: executions appended later are not part of this scan. */
  readonly end: number;
}

const version = 1;
const macLength = 16;
const encoder = new TextEncoder();

/**
 * Issues and opens `nextToken`s: `base64url(version ‖ HMAC-SHA256(payload)[0..16] ‖ payload)`, keyed by a secret
 * per mock. A token is opaque to clients and tamper-evident: any change to it, a token from another mock, or
 * garbage opens as `undefined`. The HMAC is @aws-crypto/sha256-js (the SigV4 verifier's too): synchronous, where
 * Web Crypto in Node costs a thread-pool round trip per page.
 *
 * @example
 * const codec = new TokenCodec();
 * const token = codec.issue({ accountId, jobId: "fw-1", incarnation: 1, status: -1, cursor: 250, end: 1000 });
 * codec.open(token)?.cursor; // 250
 */
export class TokenCodec {
  private readonly key: Uint8Array;
  // Tokens this codec issued lately, verbatim: the next page's request opens its token without a second HMAC.
  // A token that is not here byte for byte (tampered, foreign, old) still goes through full verification.
  private readonly recent = new Map<string, ScanPosition>();

  /** @param secret the HMAC key; random per instance when absent (tokens then die with the mock). */
  constructor(secret?: string) {
    this.key = secret === undefined ? crypto.getRandomValues(new Uint8Array(32)) : encoder.encode(secret);
  }

  /** Seals a scan position into a token. */
  issue(p: ScanPosition): string {
    const payload = encoder.encode(JSON.stringify([p.accountId, p.jobId, p.incarnation, p.status, p.cursor, p.end]));
    const mac = this.mac(payload);
    const bytes = new Uint8Array(1 + macLength + payload.length);
    bytes[0] = version;
    bytes.set(mac, 1);
    bytes.set(payload, 1 + macLength);
    const token = toBase64Url(bytes);
    this.recent.set(token, p);
    if (this.recent.size > 4096) this.recent.delete(this.recent.keys().next().value!);
    return token;
  }

  /** The scan position sealed in a token, or `undefined` if it is not a token this codec issued. */
  open(token: string): ScanPosition | undefined {
    const known = this.recent.get(token);
    if (known) return known;
    const bytes = fromBase64Url(token);
    if (!bytes || bytes.length <= 1 + macLength || bytes[0] !== version) return undefined;
    const payload = bytes.subarray(1 + macLength);
    const expected = this.mac(payload);
    let diff = 0;
    for (let i = 0; i < macLength; i++) diff |= expected[i]! ^ bytes[1 + i]!;
    if (diff !== 0) return undefined;
    const [accountId, jobId, incarnation, status, cursor, end] = JSON.parse(new TextDecoder().decode(payload));
    return { accountId, jobId, incarnation, status, cursor, end };
  }

  private mac(payload: Uint8Array): Uint8Array {
    const hmac = new Sha256(this.key);
    hmac.update(payload);
    return hmac.digestSync().subarray(0, macLength);
  }
}
