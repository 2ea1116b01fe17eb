import { createIotJobsClient } from "../../src/node.js";
import { useEntry } from "../helpers.js";

// The suites of the client's behaviour (retries, backoff, token bucket, aborts, per-attempt timeouts, errors and
// their causes), run again with the `node` entry, which signs on node:crypto and sends with
// node:http through msw's interception of it. The default entry runs them in their own files.
useEntry(createIotJobsClient);

await import("./retries.client.test.js");
await import("./errors.client.test.js");
