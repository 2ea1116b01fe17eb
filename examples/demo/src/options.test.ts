import { expect, test } from "vitest";
import { readOptions } from "./options.mjs";

const tty = { isTTY: true, ci: false };

test("in a terminal it serves on 4010 and 4020 after building", () => {
  expect(readOptions([], tty)).toEqual({ serve: true, mockPort: 4010, docsPort: 4020, build: true, help: false });
});

test.each([
  ["--once", [["--once"], tty]],
  ["stdout is not a terminal", [[], { isTTY: false, ci: false }]],
  ["CI", [[], { isTTY: true, ci: true }]],
] as const)("it exits after the demo with %s", (_, [argv, terminal]) => {
  expect(readOptions([...argv], terminal).serve).toBe(false);
});

test("--serve keeps serving without a terminal; ports and the build are options", () => {
  const options = readOptions(["--serve", "--mock-port", "0", "--docs-port", "8080", "--skip-build"], {
    isTTY: false,
    ci: true,
  });
  expect(options).toEqual({ serve: true, mockPort: 0, docsPort: 8080, build: false, help: false });
});

test.each([
  [["--mock-port", "http"], '--mock-port: "http" must be a port, an integer from 0 to 65535'],
  [["--docs-port", "70000"], '--docs-port: "70000" must be a port, an integer from 0 to 65535'],
  [["--docs-port", "-1"], "--docs-port"],
  [["--once", "--serve"], "--once and --serve: choose one"],
  [["--port", "1"], "Unknown option '--port'"],
  [["demo"], "Unexpected argument 'demo'"],
])("%j is refused: %s", (argv, message) => {
  expect(() => readOptions(argv, tty)).toThrow(message);
});
