// The entry of the `node` export condition (Node, Bun, Deno): the same surface as ./index.ts, but the client signs
// on node:crypto instead of Node's thread-pool Web Crypto and sends with node:http instead of fetch (./node/).

export { createIotJobsClient } from "./create-iot-jobs-client.node.js";
export * from "./surface.js";
