// Debian's Chromium, driven by playwright-core: test tools' own browser downloads do not work offline.
import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

/** Where Debian puts the browser; CHROMIUM_PATH overrides (see scripts/ensure-chromium.sh at the root). */
const CANDIDATES = ["/usr/bin/chromium", "/usr/lib/chromium/chromium-headless-shell"];

/** Flags for a headless run that reaches no Google service (updates, sync, safe browsing...). */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/**
 * The browser binary to use, or why there is none (for the skip message, or the failure when CI=true).
 *
 * @example
 * const chromium = findChromium();
 * if ("missing" in chromium) console.warn(`browser tests skipped: ${chromium.missing}`);
 */
export function findChromium(): { path: string } | { missing: string } {
  const override = process.env.CHROMIUM_PATH;
  if (override)
    return existsSync(override) ? { path: override } : { missing: `CHROMIUM_PATH=${override} does not exist` };
  const path = CANDIDATES.find((candidate) => existsSync(candidate));
  return path ? { path } : { missing: `no Chromium at ${CANDIDATES.join(" or ")} (install Debian's chromium)` };
}

/**
 * Launches headless Chromium with {@link CHROMIUM_ARGS}.
 *
 * @example
 * const browser = await launchChromium(chromium.path);
 */
export const launchChromium = (executablePath: string): Promise<Browser> =>
  chromium.launch({ executablePath, args: CHROMIUM_ARGS });
