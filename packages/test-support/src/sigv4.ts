// The SigV4 peers the signature suites check against: @smithy/signature-v4 on node:crypto, and botocore (boto3's
// signer) in one python3 process per batch.
import { spawnSync } from "node:child_process";
import { createHash, createHmac } from "node:crypto";
import { basename } from "node:path";
import { exec } from "./exec.js";

type Data = string | ArrayBuffer | ArrayBufferView;

const bytes = (data: Data) =>
  typeof data === "string"
    ? Buffer.from(data, "utf8")
    : ArrayBuffer.isView(data)
      ? Buffer.from(data.buffer, data.byteOffset, data.byteLength)
      : Buffer.from(data);

/**
 * The SHA-256 / HMAC-SHA-256 constructor @smithy/signature-v4 takes (`sha256`), on node:crypto: a signer
 * independent of the packages' own hashes (@noble/hashes, @aws-crypto/sha256-js, Web Crypto).
 *
 * @example
 * new SignatureV4({ service: "iot", region, credentials, sha256: NodeSha256 });
 */
export class NodeSha256 {
  private readonly hash;
  constructor(secret?: Data) {
    this.hash = secret ? createHmac("sha256", bytes(secret)) : createHash("sha256");
  }
  update(data: Data): void {
    this.hash.update(bytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
}

/**
 * Whether python3 can import botocore (the interop suites skip without it, and fail when CI=true).
 *
 * @example
 * const hasBotocore = canImportBotocore();
 */
export const canImportBotocore = (): boolean =>
  spawnSync("python3", ["-c", "import botocore"], { stdio: "ignore" }).status === 0;

/**
 * Runs a python3 script over a batch in one process: each record goes in as one JSON line on stdin, each line the
 * script prints comes back parsed. Rejects with the script's stderr when it fails.
 *
 * @example
 * const results = await runJsonLines<{ id: number; expected: string }>(script, cases);
 */
export async function runJsonLines<T>(script: string, records: readonly unknown[]): Promise<T[]> {
  const input = records.map((record) => `${JSON.stringify(record)}\n`).join("");
  // The output is JSON: kept byte for byte, never treated as terminal text.
  const result = await exec("python3", [script], { input, stripEscapes: false });
  if (result.code !== 0) throw new Error(`${basename(script)}: ${result.stderr}`);
  return result.stdout
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as T);
}
