// @ts-check
// The command line of `pnpm start`: what it does and the options it takes, checked before anything starts.
import { parseArgs } from "node:util";

export const usage = `Usage: pnpm start [options]

Builds everything (turbo), starts the standalone mock with a demo fleet (a rollout in progress that advances in
real time) and the docs, walks through the demo job with @iot-jobs/client, and prints how to point boto3, the aws
CLI and the client at the mock. Then it serves until Ctrl-C; with --once, or when stdout is not a terminal, or
in CI, it exits after the demo.

Options:
  --once              exit 0 after the demo
  --serve             keep serving even when stdout is not a terminal
  --mock-port <n>     the mock's port (default 4010; a free one if taken; 0 for any)
  --docs-port <n>     the docs' port (default 4020; a free one if taken; 0 for any)
  --skip-build        do not run the build first (dist/ must be there)
  -h, --help          show this help`;

/**
 * The options of one run.
 * @typedef {object} StartOptions
 * @property {boolean} serve keep serving after the demo (until Ctrl-C)
 * @property {number} mockPort the preferred port of the mock (0: any)
 * @property {number} docsPort the preferred port of the docs (0: any)
 * @property {boolean} build run the build first
 * @property {boolean} help print the usage and stop
 */

/**
 * Reads the command line; throws an Error naming the option, the value and what it must be.
 * @param {string[]} argv the arguments after the script
 * @param {{ isTTY: boolean, ci: boolean }} terminal whether stdout is a terminal, whether CI is set
 * @returns {StartOptions}
 * @example
 * readOptions(["--once", "--mock-port", "0"], { isTTY: true, ci: false }); // { serve: false, mockPort: 0, ... }
 */
export function readOptions(argv, terminal) {
  const { values } = parseArgs({
    args: argv,
    options: {
      once: { type: "boolean", default: false },
      serve: { type: "boolean", default: false },
      "mock-port": { type: "string", default: "4010" },
      "docs-port": { type: "string", default: "4020" },
      "skip-build": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.once && values.serve) throw new Error("--once and --serve: choose one");
  return {
    serve: values.serve || (!values.once && terminal.isTTY && !terminal.ci),
    mockPort: port("--mock-port", values["mock-port"]),
    docsPort: port("--docs-port", values["docs-port"]),
    build: !values["skip-build"],
    help: values.help,
  };
}

/** @param {string} name @param {string} value */
function port(name, value) {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65535)
    throw new Error(`${name}: "${value}" must be a port, an integer from 0 to 65535`);
  return n;
}
