// @ts-check
// Redoc's search shows a snippet of each section's text, extracted from the markdown's text nodes joined with
// nothing in between: a line break inside a paragraph (a "soft break", which renders as a space) is dropped, so
// "in a given\n`status`" reads "givenstatus" in the results. The rendered copy gets its paragraphs on one line
// each, which renders the same; the spec and the downloadable copy keep their wrapping.

/** A line that starts a block of its own, or ends the paragraph before it: never joined to the line above. */
const BLOCK_START = /^\s*([-*+]\s|\d+[.)]\s|#|\||>|```|~~~|<|(?:[-*_=]\s*){3,}$)/;

/** A line after which a paragraph does not go on: a heading (or its underline), a table row, a fence, a rule, a
 * hard break (two spaces, `\`). */
const BLOCK_END = /^\s*(#|\||```|~~~|<|(?:[-*_=]\s*){3,}$)|( {2}|\\)$/;

/**
 * Markdown with each soft line break inside a paragraph or a list item replaced by a space. Code blocks, tables,
 * headings, lists' item starts, quotes, HTML blocks and hard breaks are kept as they are.
 * @param {string} markdown
 * @returns {string}
 * @example
 * unwrapSoftBreaks("only those in a given\n`status`.\n\n- one\n- two"); // "only those in a given `status`.\n\n- one\n- two"
 */
export function unwrapSoftBreaks(markdown) {
  /** @type {string[]} */
  const out = [];
  let fence = "";
  for (const line of markdown.split("\n")) {
    const marker = /^\s*(```|~~~)/.exec(line)?.[1];
    if (fence) {
      if (marker === fence) fence = "";
      out.push(line);
      continue;
    }
    if (marker) fence = marker;
    const previous = out.at(-1);
    const joins =
      !marker &&
      previous !== undefined &&
      previous.trim() !== "" &&
      line.trim() !== "" &&
      !BLOCK_END.test(previous) &&
      !BLOCK_START.test(line) &&
      !/^ {4,}|^\t/.test(previous);
    if (joins) out[out.length - 1] = `${previous} ${line.trim()}`;
    else out.push(line);
  }
  return out.join("\n");
}

/**
 * A copy of an OpenAPI document (or any part of one) with every `description` unwrapped by
 * {@link unwrapSoftBreaks}; nothing else changes.
 * @template T
 * @param {T} node
 * @returns {T}
 */
export function withSoftBreaksUnwrapped(node) {
  if (Array.isArray(node)) return /** @type {T} */ (node.map(withSoftBreaksUnwrapped));
  if (!node || typeof node !== "object") return node;
  return /** @type {T} */ (
    Object.fromEntries(
      Object.entries(node).map(([key, value]) => [
        key,
        key === "description" && typeof value === "string" ? unwrapSoftBreaks(value) : withSoftBreaksUnwrapped(value),
      ]),
    )
  );
}
