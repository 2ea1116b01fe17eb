import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterEach, beforeEach, expect, test } from "vitest";
import { appDir } from "./paths.mjs";
import { copyMswWorker, MSW_WORKER_SCRIPT } from "./playground.mjs";

let work = "";
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), "docs-playground-"));
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

/** A fake msw package in node_modules/msw under `root`, and the bundle input path of one of its files. */
async function fakeMsw(root: string, version: string, workerVersion = version) {
  const dir = join(root, "node_modules", "msw");
  await mkdir(join(dir, "lib"), { recursive: true });
  const exports = { "./mockServiceWorker.js": "./lib/mockServiceWorker.js" };
  await writeFile(join(dir, "package.json"), JSON.stringify({ name: "msw", version, exports }));
  await writeFile(join(dir, "lib", "mockServiceWorker.js"), `const PACKAGE_VERSION = '${workerVersion}'\n`);
  return relative(appDir, join(dir, "lib", "browser", "index.mjs"));
}

test("copies the worker script of the msw copy the bundle holds, and names its version", async () => {
  const input = await fakeMsw(join(work, "a"), "2.15.0");
  await expect(copyMswWorker(["playground/main.ts", input, input], work)).resolves.toBe("2.15.0");
  expect(await readFile(join(work, MSW_WORKER_SCRIPT), "utf8")).toBe("const PACKAGE_VERSION = '2.15.0'\n");
});

test("fails when the bundle holds no msw, or two copies of it", async () => {
  await expect(copyMswWorker(["playground/main.ts"], work)).rejects.toThrow("one copy of msw, found 0");
  const a = await fakeMsw(join(work, "a"), "2.15.0");
  const b = await fakeMsw(join(work, "b"), "2.14.0");
  await expect(copyMswWorker([a, b], work)).rejects.toThrow("one copy of msw, found 2");
});

test("fails when the package's worker script is of another release", async () => {
  const input = await fakeMsw(join(work, "a"), "2.15.0", "2.14.0");
  await expect(copyMswWorker([input], work)).rejects.toThrow("is not the worker of msw 2.15.0");
});
