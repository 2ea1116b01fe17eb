// A browser page that records what would make the docs fail offline: requests leaving the site, console
// errors, uncaught exceptions, Content-Security-Policy violations and failed responses.
import type { Browser, Page } from "playwright-core";

export interface PageLog {
  /** URLs of requests to anything but the site's own origin (they are aborted, never sent). */
  nonLocal: string[];
  consoleErrors: string[];
  pageErrors: string[];
  cspViolations: string[];
  /** Responses of the site with an error status, e.g. a missing asset. */
  failedResponses: string[];
}

/**
 * Opens a page of the site at `origin` (e.g. "http://127.0.0.1:41234") in a fresh browser context.
 * `data:` and `blob:` URLs load nothing from anywhere and are allowed. The viewport is a desktop's unless given
 * (`isMobile`: a phone's meta-viewport handling and touch).
 */
export async function openRecordedPage(
  browser: Browser,
  origin: string,
  { viewport = { width: 1440, height: 900 }, isMobile = false } = {},
): Promise<{ page: Page; log: PageLog }> {
  const log: PageLog = { nonLocal: [], consoleErrors: [], pageErrors: [], cspViolations: [], failedResponses: [] };
  const context = await browser.newContext({ viewport, isMobile, hasTouch: isMobile, colorScheme: "light" });
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (new URL(url).origin === origin || /^(data|blob):/.test(url)) return route.continue();
    log.nonLocal.push(url);
    return route.abort("blockedbyclient");
  });
  // A policy violation blocks the load before any request exists: record it from inside the page.
  await context.exposeFunction("__recordCspViolation", (v: string) => log.cspViolations.push(v));
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const record = (window as unknown as { __recordCspViolation: (v: string) => void }).__recordCspViolation;
      record(`${event.effectiveDirective} blocked ${event.blockedURI || "inline code"}: ${event.sample}`);
    });
  });
  const page = await context.newPage();
  page.on("console", (message) => {
    if (message.type() === "error") log.consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => log.pageErrors.push(error.message));
  page.on("response", (response) => {
    if (response.status() >= 400) log.failedResponses.push(`${response.status()} ${response.url()}`);
  });
  return { page, log };
}
