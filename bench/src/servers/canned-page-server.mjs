// A canned loopback server for the per-call benchmark, run in its own process so that its work never shares the
// clients' event loop: every GET under /jobs/ gets the same 250-item page, as the service would send it.
// Prints "canned page server listening on <url>"; exits on SIGTERM/SIGINT.
import { createServer } from "node:http";
import { pageBody } from "./page.mjs";

const body = Buffer.from(pageBody());
const server = createServer((request, response) => {
  request.resume();
  if (request.method !== "GET" || !request.url?.startsWith("/jobs/")) {
    response.writeHead(404, { "content-type": "application/json" }).end('{"message":"not found"}');
    return;
  }
  response.writeHead(200, {
    "content-type": "application/json",
    "content-length": body.length,
    "x-amzn-RequestId": "6a1f2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b",
  });
  response.end(body);
});
server.keepAliveTimeout = 60_000; // the clients pause between rounds: keep their connections
server.listen(0, "127.0.0.1", () => {
  const address = /** @type {import("node:net").AddressInfo} */ (server.address());
  console.log(`canned page server listening on http://127.0.0.1:${address.port}`);
});
for (const signal of ["SIGTERM", "SIGINT"]) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}
