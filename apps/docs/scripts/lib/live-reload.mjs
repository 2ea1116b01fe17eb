// @ts-check
// Live reload for the dev server, over server-sent events: each served page gets a small script that
// listens on /__dev/events, reloads the page after a rebuild and shows a banner when a build fails. The
// pages' Content-Security-Policy allows it as is (`script-src 'self'`, `connect-src 'self'`).

const EVENTS_PATH = "/__dev/events";
const CLIENT_PATH = "/__dev/reload.js";

// Runs in the browser. Kept as plain text: it is served, never imported.
const CLIENT = `// iot-jobs docs dev server: reload on rebuild, show build errors.
const events = new EventSource(${JSON.stringify(EVENTS_PATH)});
events.addEventListener("reload", () => location.reload());
events.addEventListener("build-error", (event) => {
  const banner = document.getElementById("dev-build-error") ?? document.body.appendChild(document.createElement("pre"));
  banner.id = "dev-build-error";
  Object.assign(banner.style, { position: "fixed", inset: "auto 0 0", zIndex: 1000, margin: 0, padding: "12px 16px",
    maxHeight: "40vh", overflow: "auto", background: "#7f1d1d", color: "#fff", font: "13px/1.4 monospace" });
  banner.textContent = "Build failed (the page shows the last good build):\\n\\n" + JSON.parse(event.data);
});
`;

/**
 * @returns {{
 *   handle: (req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => boolean,
 *   inject: (html: string) => string,
 *   send: (event: "reload" | "build-error", data?: string) => void,
 *   close: () => void,
 * }}
 */
export function createLiveReload() {
  /** @type {Set<import("node:http").ServerResponse>} */
  const clients = new Set();
  return {
    handle(req, res) {
      if (req.url === CLIENT_PATH) {
        res.writeHead(200, { "content-type": "text/javascript; charset=utf-8", "cache-control": "no-store" });
        res.end(CLIENT);
        return true;
      }
      if (req.url !== EVENTS_PATH) return false;
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store" });
      res.write(": connected\n\n");
      clients.add(res);
      req.on("close", () => clients.delete(res));
      return true;
    },
    inject(html) {
      // The last </body>: Redoc's inlined bundle contains the text too, and editing a script breaks its hash.
      const end = html.lastIndexOf("</body>");
      const tag = `<script src="${CLIENT_PATH}"></script>\n`;
      return end < 0 ? html + tag : html.slice(0, end) + tag + html.slice(end);
    },
    send(event, data = "") {
      for (const res of clients) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    close() {
      for (const res of clients) res.end();
      clients.clear();
    },
  };
}
