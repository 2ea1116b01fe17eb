// @ts-check
// What to paste to point the aws CLI, boto3 and the client at the running mock (the ports are the real ones).
import { TEST_CREDENTIALS } from "@iot-jobs/mocks";

/**
 * One command, to paste from the repository root while the mock runs, that lists the executions of `jobId` in
 * `status` with the list-executions example: the mock's address and test keys travel in the command itself.
 * @param {{ mockUrl: string, jobId: string, region: string, status: string }} what
 * @returns {string}
 * @example
 * listCommand({ mockUrl: "http://127.0.0.1:4010", jobId: "firmware-2026-11", region: "us-east-1", status: "FAILED" });
 */
export function listCommand({ mockUrl, jobId, region, status }) {
  const { accessKeyId, secretAccessKey } = TEST_CREDENTIALS;
  return [
    `AWS_ENDPOINT_URL_IOT=${mockUrl} AWS_REGION=${region} AWS_ACCESS_KEY_ID=${accessKeyId}`,
    `AWS_SECRET_ACCESS_KEY=${secretAccessKey} node examples/list-executions/list-executions.mjs ${jobId} --status ${status}`,
  ].join(" ");
}

/**
 * The "how to use it" text: each paragraph is a `#` comment and a command to paste, from the repository root, in
 * a POSIX shell.
 * @param {{ mockUrl: string, docsUrl: string, jobId: string, region: string }} where
 * @returns {string[]}
 * @example
 * console.log(snippets({ mockUrl: "http://127.0.0.1:4010", docsUrl: "http://127.0.0.1:4020/", jobId, region }).join("\n"));
 */
export function snippets({ mockUrl, docsUrl, jobId, region }) {
  const { accessKeyId, secretAccessKey, accountId } = TEST_CREDENTIALS;
  return [
    `Point any AWS SDK or tool at the mock with the standard variables. Jobs live in account ${accountId}, the one`,
    "of the mock's test keys below (other keys see an empty account of their own):",
    "",
    `  export AWS_ENDPOINT_URL_IOT=${mockUrl} AWS_REGION=${region} AWS_DEFAULT_REGION=${region} \\`,
    `    AWS_ACCESS_KEY_ID=${accessKeyId} AWS_SECRET_ACCESS_KEY=${secretAccessKey}`,
    "",
    `  # the aws CLI (or pass --endpoint-url ${mockUrl})`,
    `  aws iot list-job-executions-for-job --job-id ${jobId} --status FAILED --max-items 3`,
    "",
    `  # boto3 (or boto3.client("iot", endpoint_url="${mockUrl}"))`,
    `  python3 -c 'import boto3; pages = boto3.client("iot").get_paginator("list_job_executions_for_job").paginate(jobId="${jobId}"); print(sum(len(p["executionSummaries"]) for p in pages), "executions")'`,
    "",
    `  # @iot-jobs/client: the list-executions example (in your code: createIotJobsClient({ endpoint: "${mockUrl}" }))`,
    `  node examples/list-executions/list-executions.mjs ${jobId} --status TIMED_OUT`,
    "",
    "  # the mock's control API: jobs and counts; also /_mock/clock/advance, /_mock/faults (packages/mocks/README.md)",
    `  curl -s ${mockUrl}/_mock/jobs`,
    "",
    `The docs (the operation's reference and the guides): ${docsUrl}`,
  ];
}
