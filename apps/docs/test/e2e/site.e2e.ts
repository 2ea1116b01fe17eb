// The site as a reader on a phone (390 px wide) and on a desktop (1280 px) sees it, in headless Chromium: every
// link of the header can be reached (on a phone through the Menu button), nothing runs past the screen's edge,
// the Authentication section presents SigV4 as a signature (never as an API key to paste), and the playground
// tells the truth after an error. Saves test-results/{phone,desktop}-*.png. Skips without Chromium, fails when CI=true.
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { DEMO_JOBS } from "../../playground/demo-fleet.js";
import { PAGES } from "../../scripts/lib/site.mjs";
import { visibleText } from "./reading.js";
import { openRecordedPage } from "./recorded-page.js";
import { resultsDir, skipWithoutChromium, useServedSite } from "./served-site.js";
import { spec } from "./spec-facts.js";

const skip = skipWithoutChromium("site browser tests");

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true };
const DESKTOP = { viewport: { width: 1280, height: 900 } };
const NAV_LABELS = [...PAGES.map((page) => page.label), "OpenAPI"];

/** The boxes of the visible elements of the header that end past the right edge of the viewport. */
function overflowing(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll(".site-header *")]
      .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden")
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)
      .map((el) => `${el.tagName.toLowerCase()} "${el.textContent?.trim().slice(0, 30)}"`),
  );
}

describe.skipIf(skip)("the site at phone and desktop width in headless Chromium", () => {
  const site = useServedSite("index.html");

  async function open(file: string, device: typeof PHONE | typeof DESKTOP) {
    const opened = await openRecordedPage(site.browser, site.origin, device);
    await opened.page.goto(`${site.origin}/${file}`);
    return opened;
  }

  test.each(PAGES.map((p) => p.file))(
    "%s at 390 px: the header fits, and its Menu reaches every link",
    async (file) => {
      const { page, log } = await open(file, PHONE);
      const header = page.locator(".site-header");
      const menu = header.getByRole("button", { name: "Menu" });
      await menu.waitFor({ state: "visible" });
      expect(await overflowing(page)).toEqual([]);
      // The links are folded away until the menu opens.
      for (const label of NAV_LABELS) expect(await header.getByRole("link", { name: label }).isVisible()).toBe(false);
      await menu.click();
      await expect.poll(() => menu.getAttribute("aria-expanded")).toBe("true");
      for (const label of NAV_LABELS) {
        const box = await header.getByRole("link", { name: label, exact: true }).boundingBox();
        expect(box, label).not.toBeNull();
        expect(box!.x, label).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width, label).toBeLessThanOrEqual(390);
        expect(box!.height, `${label}: a tap target`).toBeGreaterThanOrEqual(40);
      }
      await page.screenshot({ path: join(resultsDir, `phone-${file.replace(".html", "")}-menu.png`) });
      // Escape folds it again; a tap on a link opens that page.
      await page.keyboard.press("Escape");
      await expect.poll(() => menu.getAttribute("aria-expanded")).toBe("false");
      const other = PAGES.find((p) => p.file !== file) ?? PAGES[0]!;
      await menu.click();
      await header.getByRole("link", { name: other.label, exact: true }).click();
      await page.waitForURL(`${site.origin}/${other.file}`);
      // Nothing on the page itself is wider than the screen (tables scroll inside their own boxes).
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      expect(log.nonLocal).toEqual([]);
      expect(log.pageErrors).toEqual([]);
      expect(log.cspViolations.filter((v) => !v.includes("FlexSe"))).toEqual([]);
    },
  );

  test.each(PAGES.map((p) => p.file))("%s at 1280 px: the links are in the header, no Menu", async (file) => {
    const { page, log } = await open(file, DESKTOP);
    const header = page.locator(".site-header");
    for (const label of NAV_LABELS) await header.getByRole("link", { name: label, exact: true }).waitFor();
    expect(await header.getByRole("button", { name: "Menu" }).isVisible()).toBe(false);
    expect(await overflowing(page)).toEqual([]);
    await page.screenshot({ path: join(resultsDir, `desktop-${file.replace(".html", "")}.png`) });
    expect(log.pageErrors).toEqual([]);
  });

  test("Authentication presents SigV4 as a signature: what signs, the service, the headers; no API key", async () => {
    const [id, scheme] = Object.entries<Record<string, any>>(spec.components.securitySchemes)[0] ?? [];
    const sigv4 = scheme?.["x-aws-sigv4"];
    for (const device of [DESKTOP, PHONE]) {
      const { page, log } = await open("index.html#/authentication", device);
      const section = page.locator("main");
      await expect.poll(() => visibleText(section)).toContain("AWS Signature Version 4");
      const text = await visibleText(section);
      expect(text).toMatch(/What signs\s+Your AWS credentials: an access key ID and a secret access key/);
      expect(text).toContain("there is no API key");
      expect(text).toMatch(new RegExp(`Service \\(signing name\\)\\s+${sigv4.signingName}`));
      expect(text).toMatch(new RegExp(`Algorithm\\s+${sigv4.algorithm}`));
      for (const header of sigv4.headers) expect(text).toContain(header.name);
      expect(text).toContain(`The scheme ${id}, typed ${scheme?.type}`);
      expect(text).not.toMatch(/^Type\s+apiKey$/m);
      // In the sidebar, the section's entry names the signature.
      if (device === DESKTOP) {
        await page.getByRole("link", { name: "AWS Signature Version 4" }).first().waitFor();
        await page.screenshot({ path: join(resultsDir, "desktop-authentication.png") });
      } else {
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        await page.screenshot({ path: join(resultsDir, "phone-authentication.png") });
      }
      expect(log.pageErrors).toEqual([]);
    }
  });

  test("search snippets keep words apart across line breaks, list items and table cells", async () => {
    const { page, log } = await open("index.html#/", DESKTOP);
    const snippets = async (query: string) => {
      const box = page.getByRole("textbox", { name: /Search/ });
      if (!(await box.isVisible()))
        await page
          .getByText(/^Search/)
          .first()
          .click();
      await box.fill(query);
      // Each result shows a snippet of the text around the match, "...<text>...", on a line of its own.
      const shown = async () =>
        (await visibleText(page.locator("body")))
          .split("\n")
          .filter((line) => line.startsWith("...") && line.includes(query))
          .join("\n");
      await expect.poll(shown).not.toBe("");
      return shown();
    };
    // A line break in the operation's description, list items of the paging guide, cells of the errors table.
    expect(await snippets("given")).toMatch(/only those in a given status\./);
    expect(await snippets("short")).toMatch(/a page was short\. Send the token back/);
    expect(await snippets("UnknownServiceException")).toMatch(/has its type\) any by status 500, 502/);
    expect(log.pageErrors).toEqual([]);
  });

  test("the playground after a client-side validation error: no page, no 'more pages'; job labels are whole", async () => {
    for (const device of [PHONE, DESKTOP]) {
      const { page, log } = await open("playground.html", device);
      await expect.poll(() => visibleText(page.locator("#pg-count")), { timeout: 30_000 }).toMatch(/^1 page · /);
      // Each job's label fits its picker, as the reader sees it (the font of the select, its inner width).
      const cut = await page.locator("#pg-job").evaluate((select: HTMLSelectElement) => {
        const style = getComputedStyle(select);
        const context = document.createElement("canvas").getContext("2d") as CanvasRenderingContext2D;
        context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        // Room for the text: the inner width less the padding and the drop-down arrow (about 24 px).
        const room =
          select.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight) - 24;
        return [...select.options].filter((o) => context.measureText(o.text).width > room).map((o) => o.text);
      });
      expect(cut).toEqual([]);
      expect(await page.locator("#pg-job option").allInnerTexts()).toEqual(DEMO_JOBS.map((job) => job.label));
      await expect.poll(() => visibleText(page.locator("#pg-job-about"))).toBe(DEMO_JOBS[0]!.about);

      // A page size over the spec's maximum: the client refuses it before sending anything.
      await page.locator("#pg-page-size").fill("500");
      await page.locator("#pg-page-size").press("Enter");
      await expect
        .poll(() => visibleText(page.locator("#pg-count")))
        .toBe("No page listed: the call failed (see Response).");
      const response = await visibleText(page.locator("#pg-response"));
      expect(response).toContain("ParamValidationError");
      expect(response).toContain("maxResults");
      expect(await visibleText(page.locator(".pg-wide"))).not.toMatch(/more pages|of [\d,]+ executions/);
      expect(await page.locator("#pg-rows tr").count()).toBe(0);
      expect(await page.locator('[data-action="next"]').isDisabled()).toBe(true);
      const name = device === PHONE ? "phone" : "desktop";
      await page.locator(".pg-wide").scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(resultsDir, `${name}-playground-error.png`) });

      // A valid size lists again, and the line says so.
      await page.locator("#pg-page-size").fill("25");
      await page.locator("#pg-page-size").press("Enter");
      await expect
        .poll(() => visibleText(page.locator("#pg-count")))
        .toMatch(/^1 page · 25 of [\d,]+ executions · more pages$/);
      expect(log.pageErrors).toEqual([]);
      expect(log.cspViolations).toEqual([]);
      expect(log.nonLocal).toEqual([]);
    }
  });
});
