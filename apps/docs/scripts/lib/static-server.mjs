// @ts-check
// A small static file server for dist/, on loopback only: the dev server and the browser tests use it.
import { readFile, stat } from "node:fs/promises";
import { createServer } from "node:http";
import { extname, join, normalize, sep } from "node:path";

/** Content types of the files the site is made of. */
const TYPES = new Map([
  [".html", "text/html; charset=utf-8"],
  [".css", "text/css; charset=utf-8"],
  [".js", "text/javascript; charset=utf-8"],
  [".mjs", "text/javascript; charset=utf-8"],
  [".json", "application/json"],
  [".yaml", "application/yaml"],
  [".svg", "image/svg+xml"],
  [".png", "image/png"],
  [".ico", "image/x-icon"],
]);

/**
 * @typedef {object} StaticServerOptions
 * @property {(html: string) => string} [transformHtml] rewrites every HTML page served (the dev server
 *   adds its reload script)
 * @property {(req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => boolean}
 *   [handle] answers a request itself when it returns true (the dev server's event stream)
 */

/**
 * Serves the files under `root`; `/` and folders serve their index.html. Nothing is cached.
 * @param {string} root
 * @param {StaticServerOptions} [options]
 * @returns {import("node:http").Server}
 */
export function createStaticServer(root, { transformHtml, handle } = {}) {
  return createServer(async (req, res) => {
    if (handle?.(req, res)) return;
    if (req.method !== "GET" && req.method !== "HEAD") return send(res, 405, "text/plain", "GET or HEAD only");
    try {
      const file = await resolveFile(root, new URL(req.url ?? "/", "http://localhost").pathname);
      if (!file) return send(res, 404, "text/plain; charset=utf-8", `not found: ${req.url}`);
      const type = TYPES.get(extname(file)) ?? "application/octet-stream";
      const body = await readFile(file);
      send(res, 200, type, transformHtml && extname(file) === ".html" ? transformHtml(body.toString("utf8")) : body);
    } catch (error) {
      // E.g. the dev server swapping dist/ while a file is read: the browser retries on the next reload.
      send(res, 500, "text/plain; charset=utf-8", String(error));
    }
  });
}

/**
 * The file a URL path names under root, or undefined (missing, or outside root).
 * @param {string} root
 * @param {string} pathname
 */
async function resolveFile(root, pathname) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  let file = normalize(join(root, decoded));
  if (file !== root && !file.startsWith(root.endsWith(sep) ? root : root + sep)) return undefined;
  const info = await stat(file).catch(() => undefined);
  if (info?.isDirectory()) file = join(file, "index.html");
  return (await stat(file).catch(() => undefined))?.isFile() ? file : undefined;
}

/**
 * @param {import("node:http").ServerResponse} res
 * @param {number} status
 * @param {string} type
 * @param {string | Buffer} body
 */
function send(res, status, type, body) {
  res.writeHead(status, { "content-type": type, "cache-control": "no-store" });
  res.end(res.req.method === "HEAD" ? undefined : body);
}

/**
 * Starts a server on 127.0.0.1 and resolves to its base URL.
 * @param {import("node:http").Server} server
 * @param {number} port 0 for any free port
 * @returns {Promise<string>} e.g. "http://127.0.0.1:41234/"
 */
export function listen(server, port) {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const address = server.address();
      resolve(`http://127.0.0.1:${typeof address === "object" && address ? address.port : port}/`);
    });
  });
}
