#!/usr/bin/env node
// @ts-check
// The dev server: builds the site, serves dist/ on 127.0.0.1, and rebuilds and reloads the open pages when
// the spec, its examples, a guide, the template, an asset or a build script changes.
//   pnpm --filter @iot-jobs/docs dev [--port 4000]     (default: any free port; the URL is printed)
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createLiveReload } from "./lib/live-reload.mjs";
import { appDir, distDir } from "./lib/paths.mjs";
import { createStaticServer, listen } from "./lib/static-server.mjs";
import { watchSources } from "./lib/watch.mjs";

const { values } = parseArgs({ options: { port: { type: "string", default: "0" } } });
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

await rebuild();
const server = createStaticServer(distDir, { transformHtml: live.inject, handle: live.handle });
const url = await listen(server, port);
console.log(`docs: serving ${distDir} at ${url}, rebuilding on changes (Ctrl+C stops)`);
const stopWatching = watchSources((changed) => {
  console.log(`docs: ${changed} changed, rebuilding`);
  void rebuild();
});

for (const signal of /** @type {const} */ (["SIGINT", "SIGTERM"])) {
  process.once(signal, () => {
    stopWatching();
    live.close();
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}
