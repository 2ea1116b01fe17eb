// The built site served from loopback with Debian's Chromium started, for one browser suite: the set-up and
// tear-down every e2e file here shares. Without Chromium a suite skips, and fails when CI=true.
import { mkdirSync } from "node:fs";
import type { Server } from "node:http";
import { join } from "node:path";
import { CHROMIUM_ARGS, findChromium } from "@iot-jobs/test-support/chromium";
import { type Browser, chromium as playwright } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { appDir } from "../../scripts/lib/paths.mjs";
import { createStaticServer, listen } from "../../scripts/lib/static-server.mjs";
import { distDir, readBuilt } from "../built-site.js";

/** Where the suites save their screenshots for a reviewer. */
export const resultsDir = join(appDir, "test-results");

const chromium = findChromium();

/** Whether `suite` skips: no Chromium here and not in CI. Says so once, with the reason. */
export function skipWithoutChromium(suite: string): boolean {
  const skip = "missing" in chromium && process.env.CI !== "true";
  if (skip && "missing" in chromium) {
    console.warn(`[docs] ${suite} skipped: ${chromium.missing}. With CI=true it fails instead.`);
  }
  return skip;
}

/** The running site of a suite: its origin and the browser, once `beforeAll` has run. */
export interface ServedSite {
  readonly origin: string;
  readonly browser: Browser;
}

/**
 * Serves the built site (after checking that `file` was built) on a free loopback port and launches Chromium,
 * before the suite's tests; closes both after them. Call it inside the suite's `describe`.
 *
 * @example
 * const site = useServedSite("index.html");
 * test("opens", async () => openRecordedPage(site.browser, site.origin));
 */
export function useServedSite(file: string, options: Parameters<typeof createStaticServer>[1] = {}): ServedSite {
  let server: Server | undefined;
  let origin = "";
  let browser: Browser | undefined;
  beforeAll(async () => {
    if ("missing" in chromium) throw new Error(`CI=true, and the browser tests cannot run: ${chromium.missing}`);
    readBuilt(file);
    server = createStaticServer(distDir, options);
    origin = new URL(await listen(server, 0)).origin;
    browser = await playwright.launch({ executablePath: chromium.path, args: CHROMIUM_ARGS });
    mkdirSync(resultsDir, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  });
  return {
    get origin() {
      return origin;
    },
    get browser() {
      if (!browser) throw new Error("the browser did not start");
      return browser;
    },
  };
}
