import { expect, test } from "vitest";
import { codeBlocks, instrumentLogs, promisedLogs, promisedPrints, promisedShellOutputs } from "./code-blocks.js";

const guide = [
  "# Title",
  "```ts",
  "const a = 1;",
  "console.log(a, 2); // 1 2",
  "for (const x of [1]) console.log(x);",
  "```",
  "Text.",
  "```sh",
  "npm install x",
  "```",
  "```",
  "plain",
  "```",
].join("\n");

test("codeBlocks returns each fenced block with its language", () => {
  expect(codeBlocks(guide)).toEqual([
    { lang: "ts", code: "const a = 1;\nconsole.log(a, 2); // 1 2\nfor (const x of [1]) console.log(x);\n" },
    { lang: "sh", code: "npm install x\n" },
    { lang: "", code: "plain\n" },
  ]);
});

test("promised outputs come from one-line log and print calls with a trailing comment", () => {
  const code = codeBlocks(guide)[0]?.code ?? "";
  expect(promisedLogs(code)).toEqual(["1 2"]);
  expect(instrumentLogs(code)).toBe("const a = 1;\n__docLog(0, a, 2); // 1 2\nfor (const x of [1]) console.log(x);\n");
  expect(promisedPrints('print(len(x))  # 60\nprint("no promise")\n')).toEqual(["60"]);
});

test("promised shell outputs are trailing comments of command lines, not comment lines", () => {
  expect(promisedShellOutputs("# a comment\naws iot list \\\n  --query x  # 60\necho 'a#b'\n")).toEqual(["60"]);
});
