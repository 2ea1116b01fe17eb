// Reads the fenced code blocks of a guide, and the outputs its snippets promise in trailing comments:
//   console.log(a, b); // 60 2        (TypeScript)        print(len(failed))  # 60        (Python)
export interface CodeBlock {
  /** The fence's language: `ts` blocks of a guide run, in order, as one module; `typescript` ones are only type-checked. */
  lang: string;
  code: string;
}

/** The fenced code blocks of a markdown text, in order. */
export function codeBlocks(markdown: string): CodeBlock[] {
  return [...markdown.matchAll(/^```(\w*)[^\n]*\n([\s\S]*?)^```\s*$/gm)].map(([, lang = "", code = ""]) => ({
    lang,
    code,
  }));
}

/** The promised outputs of a TypeScript snippet: the trailing comments of one-line `console.log(...)` calls. */
export function promisedLogs(code: string): string[] {
  return [...code.matchAll(/^\s*console\.log\(.*\);\s*\/\/ (.+)$/gm)].map(([, expected = ""]) => expected.trim());
}

/**
 * The snippet with each promising `console.log(` turned into `__docLog(<n>, `, so the runner can tell the
 * promised outputs from the rest (a loop that logs every execution, say).
 */
export function instrumentLogs(code: string): string {
  let index = 0;
  return code.replace(/^(\s*)console\.log\((.*\);\s*\/\/ .+)$/gm, (_line, indent: string, rest: string) => {
    return `${indent}__docLog(${index++}, ${rest}`;
  });
}

/** The promised outputs of a Python snippet: the trailing comments of one-line `print(...)` calls. */
export function promisedPrints(code: string): string[] {
  return [...code.matchAll(/^\s*print\(.*\)\s*# (.+)$/gm)].map(([, expected = ""]) => expected.trim());
}

/** The promised outputs of a shell snippet: trailing `# …` comments of command lines (not comment lines). */
export function promisedShellOutputs(code: string): string[] {
  return [...code.matchAll(/^(?!\s*#).*\s# (.+)$/gm)].map(([, expected = ""]) => expected.trim());
}
