// Guide snippets as files: written into a scratch folder inside the docs app (so they resolve
// @iot-jobs/client and @iot-jobs/mocks like a user's code would), then type-checked or run.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { format } from "node:util";
import { appDir } from "../../scripts/lib/paths.mjs";

const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");

/** What a user's strict TypeScript project would check the snippets with. */
const TSCONFIG = {
  compilerOptions: {
    target: "ES2022",
    module: "ESNext",
    moduleResolution: "Bundler",
    lib: ["ES2022", "DOM"],
    types: ["node"],
    strict: true,
    noEmit: true,
    skipLibCheck: true,
  },
  include: ["*.ts"],
};

export class SnippetFiles {
  readonly dir = mkdtempSync(join(appDir, ".guides-"));

  /** Writes a file into the scratch folder and returns its path. */
  write(name: string, text: string): string {
    const path = join(this.dir, name);
    writeFileSync(path, text);
    return path;
  }

  /** Type-checks every .ts file written so far; resolves to tsc's report ("" when all is well). */
  typecheck(): string {
    this.write("tsconfig.json", JSON.stringify(TSCONFIG));
    const run = spawnSync(process.execPath, [tsc, "-p", join(this.dir, "tsconfig.json")], { encoding: "utf8" });
    return `${run.stdout}${run.stderr}`.trim();
  }

  remove() {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * Runs a module written with {@link SnippetFiles.write}, instrumented by `instrumentLogs`, and returns what
 * each promising `console.log` printed. Other `console.log` output is dropped, to keep the test log quiet.
 */
export async function runModule(path: string): Promise<string[]> {
  const logged: string[] = [];
  const globals = globalThis as { __docLog?: (index: number, ...args: unknown[]) => void };
  globals.__docLog = (index, ...args) => {
    logged[index] = format(...args);
  };
  const log = console.log;
  console.log = () => {};
  try {
    await import(pathToFileURL(path).href);
  } finally {
    console.log = log;
    delete globals.__docLog;
  }
  return logged;
}
