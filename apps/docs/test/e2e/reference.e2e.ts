// The built reference in headless Chromium, served from loopback: it renders with no console error and no
// request outside its own folder, and it shows what the spec says (operation, parameters and constraints,
// responses and error types, examples, wire types, security scheme, servers) and the guides. It saves
// screenshots to test-results/ for a reviewer. Without Chromium it skips, and fails when CI=true.
import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { readGuides } from "../../scripts/lib/guides.mjs";
import { guidesDir } from "../../scripts/lib/paths.mjs";
import { PAGES } from "../../scripts/lib/site.mjs";
import { constraintTexts, expectExamplesShown, visibleText } from "./reading.js";
import { openRecordedPage, type PageLog } from "./recorded-page.js";
import { resultsDir, skipWithoutChromium, useServedSite } from "./served-site.js";
import { deref, errorTypeNames, operation, operationObject, parameters, servers, spec } from "./spec-facts.js";

const skip = skipWithoutChromium("browser tests");

/**
 * The one refusal the policy is expected to make. To run its search index (FlexSearch) in a worker, Redoc
 * first compiles the worker's code with Function(); the policy has no 'unsafe-eval', so that is refused,
 * Redoc catches the error and indexes in the page instead (the search test proves search still works).
 */
const SEARCH_WORKER_PROBE = /^script-src blocked eval: \(function anonymous\([\s\S]*\/\*\*!\s*\* FlexSe/;

const op = operationObject(operation.path, operation.method);
/** Redoc's route (and id prefix) of the operation: "<tag>/<operationid>", lower case. */
const opRoute = `${String(op.tags[0]).toLowerCase()}/${operation.operationId.toLowerCase()}`;
/** The element Redoc renders for a parameter or a response member, by its stable id. */
const field = (page: Page, kind: string, path: string) => page.locator(`[id="${opRoute}/t=${kind}&path=${path}"]`);

describe.skipIf(skip)("the built reference in headless Chromium", () => {
  const site = useServedSite("index.html");

  /** Opens the site at a Redoc route (e.g. "#/jobs"), once Redoc has taken over the server-rendered page. */
  async function open(route: string): Promise<{ page: Page; log: PageLog }> {
    const opened = await openRecordedPage(site.browser, site.origin);
    await opened.page.goto(`${site.origin}/${route}`);
    // The page is server-rendered: wait until React has hydrated it (it tags the nodes it owns).
    await opened.page.waitForFunction(() =>
      Array.from(document.querySelectorAll("#redoc > div")).some((node) =>
        Object.keys(node).some((key) => key.startsWith("__react")),
      ),
    );
    return opened;
  }

  /** Nothing went wrong while the page was open: the page works offline, exactly as built. */
  function expectClean(log: PageLog) {
    const cspViolations = log.cspViolations.filter((violation) => !SEARCH_WORKER_PROBE.test(violation));
    expect({ ...log, cspViolations }).toEqual({
      nonLocal: [],
      consoleErrors: [],
      pageErrors: [],
      cspViolations: [],
      failedResponses: [],
    });
  }

  /** Resolves once fonts are loaded and two frames were painted since the last layout change: no fixed wait. */
  const painted = (page: Page) =>
    page.evaluate(() =>
      document.fonts.ready.then(
        () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
      ),
    );

  /**
   * Saves a PNG of one section of the page with the site around it: the viewport is grown to the section's
   * height and scrolled so the section starts under the fixed header, with Redoc's sticky sidebar beside it.
   * (A plain full-page capture would show the header and sidebar mid-page, and Redoc renders only the
   * sections near the viewport.) The section is scrolled through first, as Redoc expands schemas on sight.
   */
  async function screenshot(page: Page, section: Locator, file: string) {
    const header = await page.locator(".site-header").evaluate((el) => el.getBoundingClientRect().height);
    for (let round = 0, last = -1; round < 20; round++) {
      const box = await section.boundingBox();
      if (!box) throw new Error(`nothing to capture for ${file}`);
      const top = box.y + (await page.evaluate(() => window.scrollY));
      if (Math.round(box.height) === last) {
        await page.evaluate((y) => window.scrollTo(0, y), top - header);
        await painted(page);
        await page.screenshot({ path: join(resultsDir, file) });
        return;
      }
      last = Math.round(box.height);
      await page.setViewportSize({ width: 1440, height: Math.min(Math.ceil(box.height + header), 16_000) });
      await page.evaluate((y) => window.scrollTo(0, y), top - header);
      await painted(page);
    }
    throw new Error(`the section for ${file} never stopped growing`);
  }

  test("the overview shows the branding, the servers and the download, fully offline", async () => {
    const { page, log } = await open("#/");
    await expect(page.title()).resolves.toContain("iot-jobs");
    const logo = page.locator(".site-header img[src='logo.svg']");
    await expect.poll(() => logo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await page.getByRole("heading", { name: spec.info.title }).first().waitFor();
    // Each server's variables are folded; a clicked "Show" button becomes "Hide".
    const unfold = page.getByRole("button", { name: /Show \d+ variables?/ });
    for (let left = servers.length; left > 0 && (await unfold.count()) > 0; left--) await unfold.first().click();
    const text = await visibleText(page.locator("main"));
    for (const server of servers) {
      expect(text).toContain(server.url);
      for (const variable of Object.values(server.variables)) {
        for (const value of "enum" in variable ? variable.enum : [variable.default]) expect(text).toContain(value);
      }
    }
    await page.locator("main").locator('a[href="openapi.yaml"]').first().waitFor({ state: "visible" });
    await screenshot(page, page.locator("#api-content > div").first(), "overview.png");
    expectClean(log);
  });

  test("the operation shows each parameter with its constraints", async () => {
    const { page, log } = await open(`#/${opRoute}`);
    await page.getByRole("heading", { name: op.summary }).waitFor();
    const main = await visibleText(page.locator("main"));
    expect(main).toContain(operation.path);
    expect(main).toContain(operation.method);
    for (const parameter of parameters) {
      const shown = await visibleText(field(page, `request&in=${parameter.in}`, parameter.name.toLowerCase()));
      expect(shown).toContain(parameter.name);
      expect(shown.includes("required"), `${parameter.name} required`).toBe(parameter.required);
      for (const constraint of constraintTexts(parameter.schema)) expect(shown).toContain(constraint);
    }
    expectClean(log);
  });

  test("every response code is shown, errors with their x-amzn-ErrorType values and named examples", async () => {
    const { page, log } = await open(`#/${opRoute}`);
    const statuses = Object.keys(op.responses);
    expect(statuses).toEqual(["200", "400", "403", "404", "503"]);
    for (const status of statuses) {
      const response = deref(op.responses[status]);
      await page.getByRole("tab", { name: status, exact: true }).click();
      const errorType = response.headers?.["x-amzn-ErrorType"];
      if (errorType) {
        const shown = await visibleText(field(page, `response&c=${status}`, "x-amzn-errortype"));
        const names = errorTypeNames(deref(errorType).schema.pattern);
        expect(names.length, `${status} error types`).toBeGreaterThan(0);
        for (const name of names) expect(shown, `${status} x-amzn-ErrorType`).toContain(name);
      }
      await expectExamplesShown(page, status, response);
    }
    expectClean(log);
  });

  test("the response schema explains the wire types: epoch-second timestamps, int64, a nullable token", async () => {
    const { page, log } = await open(`#/${opRoute}`);
    const summary = "executionsummaries[]/jobexecutionsummary";
    for (const member of ["queuedAt", "startedAt", "lastUpdatedAt"]) {
      const shown = field(page, "response&c=200", `${summary}/${member.toLowerCase()}`);
      await shown.scrollIntoViewIfNeeded();
      await expect.poll(() => visibleText(shown)).toMatch(/number, \(unixtime\)[\s\S]*seconds since the epoch/);
    }
    await expect
      .poll(() => visibleText(field(page, "response&c=200", `${summary}/executionnumber`)))
      .toContain("int64");
    expect(await visibleText(field(page, "response&c=200", "nexttoken"))).toMatch(/NextToken \(string\) or null/);
    await screenshot(page, page.locator(`[id="${opRoute}"]`), "reference.png");
    expectClean(log);
  });

  test("the SigV4 security scheme is described, on the operation and in its own section", async () => {
    const [id, scheme] = Object.entries<Record<string, string>>(spec.components.securitySchemes)[0] ?? [];
    // The description's opening words, up to its first markdown mark (rendered text has none).
    const opening = String(scheme?.description).split(/[`*]/)[0]?.trim() ?? "";
    expect(opening).toMatch(/^AWS Signature Version 4\. Sign every request/);
    const section = await open("#/authentication");
    for (const text of [id, opening, scheme?.name]) {
      await expect.poll(() => visibleText(section.page.locator("main"))).toContain(String(text));
    }
    expectClean(section.log);
    const { page, log } = await open(`#/${opRoute}`);
    expect(await visibleText(page.locator("body"))).not.toContain(opening);
    await page.getByRole("button", { name: "View security details" }).click();
    for (const text of [id, opening, `Header parameter name:\n${scheme?.name}`]) {
      await expect.poll(() => visibleText(page.locator("body"))).toContain(String(text));
    }
    expectClean(log);
  });

  test("search works without a worker: it finds a parameter of the operation", async () => {
    const { page, log } = await open("#/");
    await page
      .getByText(/^Search/)
      .first()
      .click();
    await page.getByRole("textbox", { name: /Search/ }).fill("maxResults");
    // A result links to the parameter on the operation.
    const hit = page.locator(`a[href*="${opRoute}/t=request&in=query&path=maxresults"]`).first();
    await hit.waitFor({ state: "visible" });
    expect(await visibleText(hit)).toContain(op.summary);
    expectClean(log);
  });

  test("each guide is in the sidebar and renders", async () => {
    const { page, log } = await open("#/");
    for (const guide of readGuides(guidesDir)) {
      // The sidebar comes first in the page.
      await page.getByRole("link", { name: guide.title, exact: true }).first().click();
      await page.locator("main").getByRole("heading").filter({ hasText: guide.title }).first().waitFor();
    }
    expectClean(log);
  });

  test("the links of the guides lead to sections of the page", async () => {
    const targets = new Set(
      readGuides(guidesDir).flatMap((g) => [...g.body.matchAll(/\]\((#\/[^)]*)\)/g)].map((m) => m[1])),
    );
    expect(targets.size).toBeGreaterThan(0);
    const { page, log } = await open("#/");
    for (const target of targets) {
      await page.goto(`${site.origin}/${target}`);
      // Redoc renders each section with its route as id ("getting-started", "jobs/listjobexecutionsforjob").
      const route = String(target).slice(2);
      await page.locator(`[id="${route}"], [id="/${route}"]`).first().waitFor({ state: "attached" });
    }
    expectClean(log);
  });

  test("the guides' links to the other pages of the site open them", async () => {
    const links = readGuides(guidesDir).flatMap((guide) =>
      [...guide.body.matchAll(/\[([^\]]+)\]\(([\w-]+\.html)\)/g)].map(([, text = "", file = ""]) => ({
        guide,
        text,
        file,
      })),
    );
    expect(links.map((link) => link.file)).toContain("playground.html");
    for (const { guide, text, file } of links) {
      expect(PAGES.map((page) => page.file)).toContain(file);
      const { page, log } = await open("#/");
      await page.getByRole("link", { name: guide.title, exact: true }).first().click();
      await page.locator("main").getByRole("link", { name: text, exact: true }).first().click();
      await page.waitForURL(`${site.origin}/${file}`);
      await page.close();
      // The page opened is another page's business (its own test); only the reference's log is checked here.
      expect(log.nonLocal).toEqual([]);
    }
  });
});
