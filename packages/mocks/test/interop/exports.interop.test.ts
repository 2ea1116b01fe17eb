import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { expect, test } from "vitest";

// The built package as Node resolves it (self-reference by name, from the package folder): each entry in its
// environment, the wrong environment refused at resolve time, and nothing private or client-side in dist.
const root = fileURLToPath(new URL("../..", import.meta.url));
const dist = `${root}dist`;
if (!existsSync(`${dist}/index.js`))
  throw new Error(`${dist} is missing: run \`pnpm --filter @iot-jobs/mocks run build\` first`);

function node(code: string, conditions: string[] = []) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(
      process.execPath,
      [...conditions.map((c) => `--conditions=${c}`), "--input-type=module", "-e", code],
      { cwd: root },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c) => (stdout += c));
    child.stderr.on("data", (c) => (stderr += c));
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

test("in Node, the core and node entries load; the browser entry is refused at resolve time", async () => {
  const core = await node(
    `const m = await import("@iot-jobs/mocks"); console.log(typeof m.createIotJobsMock, typeof m.startMockServer)`,
  );
  expect(core).toMatchObject({ status: 0, stdout: "function undefined\n" });
  const nodeEntry = await node(
    `const m = await import("@iot-jobs/mocks/node"); console.log(typeof m.setupIotJobsServer, typeof m.startMockServer)`,
  );
  expect(nodeEntry).toMatchObject({ status: 0, stdout: "function function\n" });
  const browser = await node(`await import("@iot-jobs/mocks/browser")`);
  expect(browser.status).not.toBe(0);
  expect(browser.stderr).toContain("ERR_PACKAGE_PATH_NOT_EXPORTED");
});

test("under the browser condition, the node entry is refused at resolve time", async () => {
  const nodeEntry = await node(`await import("@iot-jobs/mocks/node")`, ["browser"]);
  expect(nodeEntry.status).not.toBe(0);
  expect(nodeEntry.stderr).toContain("ERR_PACKAGE_PATH_NOT_EXPORTED");
});

test("a browser bundler refuses the node entry and takes the browser one", async () => {
  const bundle = (entry: string) =>
    build({
      stdin: { contents: `import * as m from "${entry}"; console.log(m);`, resolveDir: root },
      bundle: true,
      platform: "browser",
      write: false,
      logLevel: "silent",
    });
  await expect(bundle("@iot-jobs/mocks/node")).rejects.toThrow(/Could not resolve "@iot-jobs\/mocks\/node"/);
  const ok = await bundle("@iot-jobs/mocks/browser");
  expect(ok.errors).toEqual([]);
});

/** Every module a dist file pulls in, following its relative imports. */
function graph(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  for (const [, spec] of readFileSync(`${dist}/${entry}`, "utf8").matchAll(/(?:from|import)\s*["'](\.\/[^"']+)["']/g))
    graph(spec!.slice(2), seen);
  return seen;
}
const specifiers = (files: Set<string>) =>
  [...files].flatMap((f) =>
    [...readFileSync(`${dist}/${f}`, "utf8").matchAll(/(?:from|import)\s*["']([^"'.][^"']*)["']/g)].map((m) => m[1]!),
  );

test("the core and browser bundles import no node: module and no msw/node", () => {
  for (const entry of ["index.js", "browser.js"]) {
    const imports = specifiers(graph(entry));
    expect(
      imports.filter((s) => s.startsWith("node:") || s === "msw/node"),
      entry,
    ).toEqual([]);
  }
  expect(specifiers(graph("browser.js"))).toContain("msw/browser");
  expect(specifiers(graph("node.js"))).toContain("msw/node");
});

test("dist never refers to the private spec package or to the client", () => {
  for (const file of readdirSync(dist)) {
    const text = readFileSync(`${dist}/${file}`, "utf8");
    expect(text.includes("@iot-jobs/spec"), file).toBe(false);
    expect(text.includes("@iot-jobs/client"), file).toBe(false);
  }
  const manifest = JSON.parse(readFileSync(`${root}package.json`, "utf8"));
  expect(Object.keys(manifest.dependencies ?? {})).not.toContain("@iot-jobs/spec");
  expect(Object.keys(manifest.dependencies ?? {})).not.toContain("@iot-jobs/client");
});

test("the seed JSON Schema ships, and the bin starts with a shebang", () => {
  expect(JSON.parse(readFileSync(`${dist}/seed.schema.json`, "utf8"))).toMatchObject({
    $id: "urn:iot-jobs:mocks:seed",
    type: "object",
  });
  expect(readFileSync(`${dist}/cli.js`, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
});
