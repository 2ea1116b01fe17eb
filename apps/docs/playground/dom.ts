// A tiny element builder: enough for the playground's panels without a UI framework.

type Child = Node | string | number | false | null | undefined;

/**
 * Creates an element with attributes (`class`, `data-*`, `aria-*`, ...) and children; `false`, `null` and
 * `undefined` children are left out, so conditional parts read inline.
 *
 * @example
 * h("p", { class: "note" }, "Attempts: ", h("strong", {}, 3));
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children) {
    if (child === false || child === null || child === undefined) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

/**
 * Replaces the content of the element with the given id.
 *
 * @example
 * fill("pg-response", h("p", {}, "Waiting…"));
 */
export function fill(id: string, ...children: Child[]): void {
  const target = document.getElementById(id);
  if (!target) throw new Error(`the page has no #${id}`);
  target.replaceChildren(...h("div", {}, ...children).childNodes);
}
