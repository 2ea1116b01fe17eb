#!/usr/bin/env node
/**
 * `iot-jobs-mock`: the standalone server of @iot-jobs/mocks, for boto3, the aws CLI or any SDK (`endpoint_url`).
 * Prints its URL first, one line per request after, and exits 0 on SIGINT/SIGTERM after closing connections, or
 * when the process that started it exits (unless `--no-follow-parent`), so a signalled `npx` leaves no orphan.
 */
import { parseArgs } from "node:util";
import { IotJobsMockError } from "../../core/errors.js";
import { loadCredentialsFile, loadSeedFile } from "../files.js";
import { startMockServer } from "../start-mock-server.js";
import { followParent } from "./follow-parent.js";

const usage = `Usage: iot-jobs-mock [options]

A faithful, stateful fake of AWS IoT ListJobExecutionsForJob over HTTP.

Options:
  --port <n>               TCP port, 0 for a free one (default 4010)
  --host <address>         interface to listen on (default 127.0.0.1)
  --seed <file.json>       seed the store from a seed file
  --strict-auth <file>     verify SigV4 signatures with the credentials in this JSON file
  --credentials <file>     map access keys to accounts without verifying signatures
  --default-page-size <n>  page size when maxResults is absent (1..250, default 100)
  --region <region>        region of unsigned requests, and of ARNs of jobs naming none (default us-east-1)
  --now <iso-date>         freeze the simulated clock at this time
  --token-secret <text>    fixed HMAC secret, so nextTokens survive restarts
  --cors                   answer CORS preflights (web pages on other origins)
  --quiet                  no per-request log lines
  --no-follow-parent       keep running after the process that started it exits
                           (by default it stops then, so a killed npx or script leaves no orphan)
  -h, --help               show this help

Control API: GET /_mock/health, POST /_mock/seed, POST /_mock/reset, POST /_mock/faults,
POST /_mock/clock/advance, ... (see the package README).`;

function fail(message: string, code: number): never {
  process.stderr.write(`iot-jobs-mock: ${message}\n`);
  process.exit(code);
}

async function main(): Promise<void> {
  let values: ReturnType<typeof parse>["values"];
  try {
    values = parse().values;
  } catch (error) {
    fail(`${(error as Error).message}\n\n${usage}`, 2);
  }
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    fail(`--port: value "${values.port}" must be an integer from 0 to 65535`, 2);
  const pageSize = values["default-page-size"] === undefined ? undefined : Number(values["default-page-size"]);
  if (values["strict-auth"] && values.credentials) fail("use either --strict-auth or --credentials, not both", 2);
  const credentialsFile = values["strict-auth"] ?? values.credentials;
  try {
    const server = await startMockServer({
      port,
      host: values.host,
      log: values.quiet ? false : (line) => process.stdout.write(`${line}\n`),
      ...(credentialsFile ? { credentials: await loadCredentialsFile(credentialsFile) } : {}),
      strictAuth: values["strict-auth"] !== undefined,
      cors: values.cors,
      ...(pageSize !== undefined ? { defaultPageSize: pageSize } : {}),
      ...(values.region ? { region: values.region } : {}),
      ...(values.now ? { clock: { now: values.now } } : {}),
      ...(values["token-secret"] ? { tokenSecret: values["token-secret"] } : {}),
      ...(values.seed ? { seed: await loadSeedFile(values.seed) } : {}),
    });
    process.stdout.write(`iot-jobs-mock listening on ${server.url}\n`);
    for (const job of server.mock.store.all()) {
      const account = job.accountId === undefined ? "every account" : `account ${job.accountId}`;
      const region = job.region === undefined ? "every region" : `region ${job.region}`;
      process.stdout.write(`  seeded job ${job.jobId} (${account}, ${region}, ${job.size} executions)\n`);
    }
    const stop = (signal: string) => {
      process.stdout.write(`iot-jobs-mock: ${signal}, closing\n`);
      server.close().then(
        () => process.exit(0),
        () => process.exit(0),
      );
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
    if (!values["no-follow-parent"]) followParent(() => stop("parent process exited"));
  } catch (error) {
    if (error instanceof IotJobsMockError) fail(error.message.replace(/^\[@iot-jobs\/mocks\] /, ""), 1);
    throw error;
  }
}

function parse() {
  return parseArgs({
    options: {
      port: { type: "string", default: "4010" },
      host: { type: "string", default: "127.0.0.1" },
      seed: { type: "string" },
      "strict-auth": { type: "string" },
      credentials: { type: "string" },
      "default-page-size": { type: "string" },
      region: { type: "string" },
      now: { type: "string" },
      "token-secret": { type: "string" },
      quiet: { type: "boolean", default: false },
      "no-follow-parent": { type: "boolean", default: false },
      cors: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
    allowPositionals: false,
  });
}

await main();
