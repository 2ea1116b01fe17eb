import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, expect, test } from "vitest";
import { listenWithFallback } from "./listen.mjs";

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((ok) => s.close(ok))));
});

/** Listens on 127.0.0.1:port; rejects with the listen error (EADDRINUSE when taken). */
function start(port: number): Promise<number> {
  const server = createServer();
  servers.push(server);
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve((server.address() as AddressInfo).port));
  });
}

test("a free preferred port is used as is", async () => {
  const probe = await start(0);
  await new Promise((ok) => servers.pop()!.close(ok)); // free again
  expect(await listenWithFallback(start, probe)).toEqual({ value: probe, fellBack: false });
});

test("a taken preferred port falls back to a free one, and says so", async () => {
  const taken = await start(0);
  const { value, fellBack } = await listenWithFallback(start, taken);
  expect(fellBack).toBe(true);
  expect(value).not.toBe(taken);
  expect(value).toBeGreaterThan(0);
});

test("other failures are not hidden by the fallback", async () => {
  const denied = Object.assign(new Error("listen EACCES"), { code: "EACCES" });
  await expect(listenWithFallback(() => Promise.reject(denied), 80)).rejects.toBe(denied);
});
