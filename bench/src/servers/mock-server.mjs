// The @iot-jobs/mocks standalone server (startMockServer, what the iot-jobs-mock bin runs) in its own process, with
// a memory probe for the scale section: over IPC, "memory" answers with this process's memory after two full GCs
// (run with --expose-gc). Prints "mock server listening on <url>"; exits on SIGTERM/SIGINT or when the parent goes.
import { startMockServer } from "@iot-jobs/mocks/node";

const server = await startMockServer({ port: 0 });
process.on("message", (message) => {
  if (message !== "memory") return;
  globalThis.gc?.();
  globalThis.gc?.();
  const { rss, heapUsed, external, arrayBuffers } = process.memoryUsage();
  process.send?.({ rss, heapUsed, external, arrayBuffers, gc: typeof globalThis.gc === "function" });
});
process.on("disconnect", () => process.exit(0));
for (const signal of ["SIGTERM", "SIGINT"]) process.once(signal, () => server.close().finally(() => process.exit(0)));
console.log(`mock server listening on ${server.url}`);
