/**
 * The process environment where one exists (Node, Bun, Deno), else an empty object. Read through `globalThis`,
 * so browsers and edge runtimes never touch `process`.
 */
export const env = (): Record<string, string | undefined> => {
  try {
    return (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env ?? {};
  } catch {
    // Deno without the env permission throws.
    return {};
  }
};
