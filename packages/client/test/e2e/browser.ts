import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { bundleForBrowser } from "@iot-jobs/test-support/bundle";
import { findChromium, launchChromium } from "@iot-jobs/test-support/chromium";
import type { Browser } from "playwright-core";

const chromium = findChromium();

/** Debian's Chromium (or CHROMIUM_PATH); never a downloaded browser. */
export const chromiumPath = "path" in chromium ? chromium.path : undefined;

/** Launches headless Chromium with the flags this machine needs. */
export const launch = (): Promise<Browser> => launchChromium(chromiumPath!);

/** Bundles a page script for the browser (ESM, the `browser` export conditions), resolving from `resolveDir`. */
export async function bundle(contents: string, resolveDir: string): Promise<Uint8Array> {
  return (await bundleForBrowser({ contents, resolveDir }, { target: "es2022" })).code;
}

/** MSW's worker script, as `msw init` would copy it, from the msw this package resolves. */
export const mswWorkerScript = (): Buffer =>
  readFileSync(createRequire(import.meta.url).resolve("msw/mockServiceWorker.js"));

/**
 * Serves a page (an HTML shell loading `/page.js`) and MSW's worker on 127.0.0.1, on a random port. Anything
 * else is a 404 (the worker answers the page's API calls before they reach the network).
 */
export async function servePage(
  pageScript: Uint8Array,
): Promise<{ origin: string; server: Server; requests: string[] }> {
  const files: Record<string, [string, string | Uint8Array]> = {
    "/": ["text/html", '<!doctype html><meta charset="utf-8"><script type="module" src="/page.js"></script>'],
    "/page.js": ["text/javascript", pageScript],
    "/mockServiceWorker.js": ["text/javascript", mswWorkerScript()],
    "/favicon.ico": ["image/x-icon", ""],
  };
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0]!;
    requests.push(`${req.method} ${path}`);
    const file = files[path];
    res.writeHead(file ? 200 : 404, { "content-type": file?.[0] ?? "text/plain" }).end(file?.[1] ?? "");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, requests };
}
