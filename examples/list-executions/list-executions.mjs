#!/usr/bin/env node
// @ts-check
/**
 * Lists the executions of an AWS IoT job with @iot-jobs/client, one line per execution (tab-separated, so it
 * pipes into `cut`, `sort` or `grep`), then a summary per status on stderr.
 *
 *   AWS_REGION=eu-west-1 node list-executions.mjs <jobId> [--status FAILED] [--page-size 250]
 *
 * Credentials and region come from the standard AWS variables, as in every AWS SDK: AWS_ACCESS_KEY_ID,
 * AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, then AWS_REGION or AWS_DEFAULT_REGION. AWS_ENDPOINT_URL_IOT (or
 * AWS_ENDPOINT_URL), which boto3 and the aws CLI read too, points it at another endpoint, e.g. the standalone mock
 * (`npx iot-jobs-mock`). Exit status: 0 listed, 1 the call failed (the error's name, message and request id are
 * printed), 2 bad usage or configuration.
 */
import { parseArgs } from "node:util";
import { ConfigurationError, createIotJobsClient, IotJobsException } from "@iot-jobs/client";

const usage = "Usage: node list-executions.mjs <jobId> [--status <STATUS>] [--page-size <n>]";

/** @param {string} message @returns {never} */
function usageError(message) {
  console.error(`list-executions: ${message}\n${usage}`);
  process.exit(2);
}

/** The job id and options from the command line (the client checks their values against the spec). */
function readArgs() {
  try {
    const { values, positionals } = parseArgs({
      options: { status: { type: "string" }, "page-size": { type: "string", default: "100" } },
      allowPositionals: true,
    });
    if (positionals.length !== 1) usageError(`expected one job id, got ${positionals.length}`);
    const pageSize = Number(values["page-size"]);
    if (!Number.isInteger(pageSize)) usageError(`--page-size: "${values["page-size"]}" is not a whole number`);
    return { jobId: String(positionals[0]), status: values.status, pageSize };
  } catch (error) {
    return usageError(/** @type {Error} */ (error).message);
  }
}

/** The thing's name: the last part of `arn:aws:iot:<region>:<account>:thing/<name>`. */
const thingName = (/** @type {string | undefined} */ arn) => arn?.slice(arn.lastIndexOf("/") + 1) ?? "-";
const iso = (/** @type {Date | undefined} */ date) => date?.toISOString() ?? "-";

const { jobId, status, pageSize } = readArgs();
let client;
try {
  // Region, credentials and AWS_ENDPOINT_URL_IOT / AWS_ENDPOINT_URL come from the environment, as in the SDKs.
  client = createIotJobsClient();
} catch (error) {
  if (error instanceof ConfigurationError) usageError(error.message);
  throw error;
}

/** @type {Map<string, number>} */
const counts = new Map();
let pages = 0;
try {
  const input = status === undefined ? { jobId } : { jobId, status: /** @type {any} */ (status) };
  for await (const page of client.paginateListJobExecutionsForJob(input, { pageSize })) {
    pages += 1;
    for (const { thingArn, jobExecutionSummary: s } of page.executionSummaries ?? []) {
      const state = s?.status ?? "-";
      counts.set(state, (counts.get(state) ?? 0) + 1);
      console.log(
        [thingName(thingArn), state, iso(s?.startedAt), iso(s?.lastUpdatedAt), s?.retryAttempt ?? 0].join("\t"),
      );
    }
  }
} catch (error) {
  if (!IotJobsException.isInstance(error)) throw error;
  const requestId = error.$metadata.requestId ? ` (request id ${error.$metadata.requestId})` : "";
  console.error(`list-executions: ${error.name}: ${error.message}${requestId}`);
  process.exit(1);
}

const total = [...counts.values()].reduce((a, b) => a + b, 0);
const byStatus = [...counts].map(([name, n]) => `${name} ${n}`).join(", ");
console.error(
  `${jobId}: ${total} executions in ${pages} page${pages === 1 ? "" : "s"}${total ? ` (${byStatus})` : ""}`,
);
