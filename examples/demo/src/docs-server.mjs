// @ts-check
// Serves the built docs (apps/docs/dist) on loopback: GET and HEAD of the files under it, nothing else.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer } from "node:http";
import { extname, join, resolve, sep } from "node:path";

const types = new Map([
  [".html", "text/html; charset=utf-8"],
  [".css", "text/css; charset=utf-8"],
  [".js", "text/javascript; charset=utf-8"],
  [".json", "application/json"],
  [".yaml", "application/yaml"],
  [".svg", "image/svg+xml"],
  [".png", "image/png"],
]);

/**
 * Serves `root` on 127.0.0.1: `/` and folders give their index.html; paths outside `root` are 404.
 * @param {string} root the folder to serve
 * @param {number} port 0 for any free port; rejects with EADDRINUSE when taken
 * @returns {Promise<{ url: string, port: number, close(): Promise<void> }>}
 * @example
 * const docs = await serveDocs(docsDist, 4020); // docs.url: "http://127.0.0.1:4020/"
 */
export async function serveDocs(root, port) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") return res.writeHead(405, { allow: "GET, HEAD" }).end();
    const file = await fileFor(base, new URL(req.url ?? "/", "http://localhost").pathname);
    if (!file) return res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not found\n");
    res.writeHead(200, { "content-type": types.get(extname(file)) ?? "application/octet-stream" });
    if (req.method === "HEAD") return res.end();
    createReadStream(file).pipe(res);
  });
  await new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(port, "127.0.0.1", () => ok(undefined));
  });
  const address = /** @type {import("node:net").AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${address.port}/`,
    port: address.port,
    close: () =>
      new Promise((ok) => {
        server.close(() => ok(undefined));
        server.closeAllConnections();
      }),
  };
}

/** The file a URL path names under `base`, or undefined. @param {string} base @param {string} pathname */
async function fileFor(base, pathname) {
  let path;
  try {
    path = join(base, decodeURIComponent(pathname));
  } catch {
    return undefined; // a malformed %-escape
  }
  if (path !== base && !path.startsWith(base + sep)) return undefined;
  const info = await stat(path).catch(() => undefined);
  const file = info?.isDirectory() ? join(path, "index.html") : path;
  return (await stat(file).catch(() => undefined))?.isFile() ? file : undefined;
}
