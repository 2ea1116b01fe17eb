#!/usr/bin/env node
/**
 * `iot-jobs-mock`: the standalone server of @iot-jobs/mocks, for boto3, the aws CLI or any SDK (`endpoint_url`).
 * Prints its URL first, one line per request after, and exits 0 on SIGINT/SIGTERM after closing connections, or
 * when the process that started it exits (unless `--no-follow-parent`), so a signalled `npx` leaves no orphan.
 */
import { parseArgs } from "node:util";
import { createIotJobsMock, DEFAULT_MAX_EXECUTIONS, type IotJobsMockOptions } from "../../core/create-iot-jobs-mock.js";
import { SeedError } from "../../core/errors.js";
import { loadCredentialsFile, loadSeedFile } from "../files.js";
import { isLoopbackAddress } from "../host-check.js";
import { startMockServer } from "../start-mock-server.js";
import { followParent } from "./follow-parent.js";

const tokenVariable = "IOT_JOBS_MOCK_CONTROL_TOKEN";
const usage = `Usage: iot-jobs-mock [options]

A faithful, stateful fake of AWS IoT ListJobExecutionsForJob over HTTP.

Options:
  --port <n>               TCP port, 0 for a free one (default 4010)
  --host <address>         interface to listen on (default 127.0.0.1)
  --seed <file.json>       seed the store from a seed file
  --strict-auth <file>     verify SigV4 signatures with the credentials in this JSON file
  --credentials <file>     map access keys to accounts without verifying signatures
  --default-page-size <n>  page size when maxResults is absent (1..250, default 100)
  --region <region>        region of unsigned requests and of ARNs of jobs naming none; with --strict-auth
                           credential scopes for other regions are refused (default us-east-1, not enforced)
  --now <iso-date>         freeze the simulated clock at this time
  --token-secret <text>    fixed HMAC secret, so nextTokens survive restarts
  --cors <origin>          let a web page on this origin call the server (repeatable), e.g. http://localhost:5173
  --allowed-host <name>    answer this Host besides localhost and IP addresses (repeatable; .example.com for
                           subdomains too)
  --control-token <text>   every control API call must send Authorization: Bearer <text>
                           (or set ${tokenVariable})
  --max-executions <n>     executions the server holds at most, all jobs together, each at least 256
                           (default ${DEFAULT_MAX_EXECUTIONS})
  --max-body-bytes <n>     largest control API body, e.g. a seed document (default 8388608)
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

/** An integer flag in [min, max], or exit 2 naming the flag and the range. */
function integerFlag(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max)
    fail(`--${name}: value "${value}" must be an integer from ${min} to ${max}`, 2);
  return n;
}

/** One line per problem, never a stack: a SeedError's issue list joins with "; ". */
const oneLine = (error: Error) =>
  error.message
    .replace(/^\[@iot-jobs\/mocks\] /, "")
    .replace(/:\n\s+- /, ": ")
    .replace(/\n\s+- /g, "; ")
    .replace(/\s*\n\s*/g, " ");

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
  const port = integerFlag("port", values.port, 0, 65535)!;
  const defaultPageSize = integerFlag("default-page-size", values["default-page-size"], 1, 250);
  const maxExecutions = integerFlag("max-executions", values["max-executions"], 1, Number.MAX_SAFE_INTEGER);
  const maxBodyBytes = integerFlag("max-body-bytes", values["max-body-bytes"], 0, 1024 * 1024 * 1024);
  if (values["strict-auth"] && values.credentials) fail("use either --strict-auth or --credentials, not both", 2);
  const controlToken = values["control-token"] ?? process.env[tokenVariable];
  if (controlToken === "") fail(`--control-token (or ${tokenVariable}) must not be empty`, 2);
  const credentialsFile = values["strict-auth"] ?? values.credentials;
  try {
    const options: IotJobsMockOptions = {
      ...(credentialsFile ? { credentials: await loadCredentialsFile(credentialsFile) } : {}),
      strictAuth: values["strict-auth"] !== undefined,
      ...(defaultPageSize !== undefined ? { defaultPageSize } : {}),
      ...(maxExecutions !== undefined ? { maxExecutions } : {}),
      ...(values.region ? { region: values.region } : {}),
      ...(values.now ? { clock: { now: values.now } } : {}),
      ...(values["token-secret"] ? { tokenSecret: values["token-secret"] } : {}),
    };
    // Seeded through the options, so that a full reset (POST /_mock/reset) seeds the file again; every issue still
    // names the file.
    const seed = values.seed ? await loadSeedFile(values.seed) : undefined;
    let mock: ReturnType<typeof createIotJobsMock>;
    try {
      mock = createIotJobsMock(seed === undefined ? options : { ...options, seed });
    } catch (error) {
      if (error instanceof SeedError && values.seed) throw new SeedError(error.issues, values.seed);
      throw error;
    }
    // Said before binding, so it shows even when the bind fails.
    if (!isLoopbackAddress(values.host) && controlToken === undefined) {
      process.stderr.write(
        `iot-jobs-mock: warning: --host ${values.host} reaches beyond this machine and there is no control token: anyone who can reach the port can seed, reset, inject faults and read every account's jobs; set --control-token or ${tokenVariable}\n`,
      );
    }
    const server = await startMockServer({
      mock,
      port,
      host: values.host,
      log: values.quiet ? false : (line) => process.stdout.write(`${line}\n`),
      cors: values.cors ?? [],
      allowedHosts: values["allowed-host"] ?? [],
      ...(controlToken !== undefined ? { controlToken } : {}),
      ...(maxBodyBytes !== undefined ? { maxBodyBytes } : {}),
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
    // Start-up problems are the user's to fix (a file, a flag, a busy port): one line, never a stack trace.
    fail(error instanceof Error ? oneLine(error) : String(error), 1);
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
      cors: { type: "string", multiple: true },
      "allowed-host": { type: "string", multiple: true },
      "control-token": { type: "string" },
      "max-executions": { type: "string" },
      "max-body-bytes": { type: "string" },
      quiet: { type: "boolean", default: false },
      "no-follow-parent": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
    allowPositionals: false,
  });
}

await main();
