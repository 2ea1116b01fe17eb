// The client, signing with aws4fetch on Web Crypto (browsers, edge workers; Node has its own entry, ./node.ts).

export { createIotJobsClient } from "./create-iot-jobs-client.js";
export * from "./surface.js";
