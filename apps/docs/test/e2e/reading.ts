// What the reference shows, read the way a reader sees it: visible text, the constraints Redoc prints for a
// schema, and the named examples of the response sample panel.
import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";
import { deref, exampleSummaries } from "./spec-facts.js";

/** The text a reader sees in an element (Playwright's innerText: laid out, hidden parts left out). */
export function visibleText(locator: Locator): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator.innerText, not the DOM property.
  return locator.innerText();
}

/** What Redoc prints for a parameter schema's constraints; unknown keywords fail, so none goes unchecked. */
export function constraintTexts(schema: Record<string, unknown>): string[] {
  const texts: string[] = [];
  for (const [keyword, value] of Object.entries(schema)) {
    if (keyword === "type") texts.push(String(value));
    else if (keyword === "format") texts.push(`(${value})`);
    else if (keyword === "pattern") texts.push(String(value));
    else if (keyword === "enum") texts.push(...(value as string[]).map((v) => `"${v}"`));
    else if (keyword === "minLength" && "maxLength" in schema)
      texts.push(`[ ${value} .. ${schema.maxLength} ] characters`);
    else if (keyword === "minimum" && "maximum" in schema) texts.push(`[ ${value} .. ${schema.maximum} ]`);
    else if (keyword !== "maxLength" && keyword !== "maximum") throw new Error(`no check for "${keyword}" yet`);
  }
  return texts;
}

/**
 * Each named example of a response is offered by the response sample panel (a picker when there are
 * several) and, once chosen, shows its description and every value of its body.
 */
export async function expectExamplesShown(page: Page, status: string, response: Record<string, any>) {
  const examples = Object.values<Record<string, any>>(response.content["application/json"].examples).map(deref);
  expect(examples.length, `${status} examples`).toBeGreaterThan(0);
  const panel = page.locator('[data-component-name="Panel/Panel"]').filter({ hasText: "Response" }).last();
  await panel.getByRole("button", { name: status, exact: true }).click();
  const picker = panel.getByRole("button", { name: "Example" });
  const menu = page.getByRole("menu").last();
  if (examples.length > 1) {
    await picker.click();
    const offered = await menu.getByRole("menuitem").allInnerTexts();
    expect(offered.map((item) => item.trim())).toEqual(exampleSummaries(response));
  }
  for (const [index, example] of examples.entries()) {
    if (examples.length > 1) {
      // The menu is open from the check above for the first example; choosing an item closes it.
      if (index > 0) await picker.click();
      await menu.getByRole("menuitem", { name: example.summary, exact: true }).click();
    }
    const shown = squash(await visibleText(panel));
    expect(shown, `${status} ${example.summary}`).toContain(squash(String(example.description).replace(/`|\*\*/g, "")));
    for (const leaf of leaves(example.value))
      expect(shown, `${status} ${example.summary}`).toContain(JSON.stringify(leaf));
  }
}

/** Text with every run of white space made one space. */
function squash(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** The strings and numbers of a JSON value. */
function leaves(value: unknown): (string | number)[] {
  if (typeof value === "string" || typeof value === "number") return [value];
  if (value && typeof value === "object") return Object.values(value).flatMap(leaves);
  return [];
}
