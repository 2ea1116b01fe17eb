// The entry of the `node` export condition (Node, Bun, Deno): the same surface as ./index.ts, but the client signs
// with @smithy/signature-v4 and a synchronous SHA-256 instead of Node's thread-pool Web Crypto (see signers/node.ts).

export { createIotJobsClient } from "./create-iot-jobs-client.node.js";
export * from "./surface.js";
