#!/usr/bin/env node
// @ts-check
// The dev server: builds the site, serves dist/ on 127.0.0.1, and rebuilds and reloads the open pages when
// the spec, its examples, a guide, the template, an asset or a build script changes.
//   pnpm docs:dev [--port 4000] [--skip-build]     (at the root; or pnpm --filter @iot-jobs/docs dev)
// --port: default any free port (the URL is printed); --skip-build: serve the dist/ there is, build on changes.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createLiveReload } from "./lib/live-reload.mjs";
import { appDir, distDir } from "./lib/paths.mjs";
import { createStaticServer, listen } from "./lib/static-server.mjs";
import { watchSources } from "./lib/watch.mjs";

// Ctrl-C reaches this process twice (from the terminal, and forwarded by pnpm): the handler stays, so the second
// signal cannot kill the process while it closes, and it exits 0, so pnpm reports no failure. It is in place
// before anything is printed; until the server runs there is nothing to close.
/** @type {() => void} */
let shutdown = () => process.exit(0);
let closing = false;
for (const signal of /** @type {const} */ (["SIGINT", "SIGTERM"])) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    shutdown();
  });
}

const { values } = parseArgs({
  options: { port: { type: "string", default: "0" }, "skip-build": { type: "boolean", default: false } },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port: "${values.port}" is not a port number (an integer from 0 to 65535; 0 picks a free one)`);
  process.exit(2);
}

const buildScript = fileURLToPath(new URL("./build.mjs", import.meta.url));
const live = createLiveReload();

/** Runs scripts/build.mjs in its own process; resolves to its error output when it fails. */
function build() {
  const child = spawn(process.execPath, [buildScript], { cwd: appDir, stdio: ["ignore", "inherit", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
    process.stderr.write(chunk);
  });
  return new Promise((resolve) =>
    child.on("close", (code) => resolve(code === 0 ? undefined : stderr || `exit ${code}`)),
  );
}

// One build at a time; changes during a build trigger exactly one more.
let building = false;
let again = false;
async function rebuild() {
  if (building) {
    again = true;
    return;
  }
  building = true;
  const failure = await build();
  building = false;
  if (failure) live.send("build-error", failure);
  else live.send("reload");
  if (again) {
    again = false;
    await rebuild();
  }
}

if (!values["skip-build"]) await rebuild();
const server = createStaticServer(distDir, { transformHtml: live.inject, handle: live.handle });
const url = await listen(server, port);
const stopWatching = watchSources((changed) => {
  console.log(`docs: ${changed} changed, rebuilding`);
  void rebuild();
});
shutdown = () => {
  stopWatching();
  live.close();
  server.close(() => process.exit(0));
  server.closeAllConnections();
};
console.log(`docs: serving ${distDir} at ${url}, rebuilding on changes (Ctrl+C stops)`);
