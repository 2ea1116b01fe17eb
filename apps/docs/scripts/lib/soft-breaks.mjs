// @ts-check
// Redoc's search shows a snippet of each section's text, extracted from the markdown's text nodes joined with
// nothing in between: a line break inside a paragraph (a "soft break", which renders as a space) is dropped, so
// "in a given\n`status`" reads "givenstatus" in the results. The rendered copy gets its paragraphs on one line
// each, which renders the same; the spec and the downloadable copy keep their wrapping. Blocks meet the same way
// ("short." + "Send", table cells "any" + "by status"): each paragraph, list item and table cell also ends with an
// encoded space (`&#32;`), invisible at the end of a block, which the search text keeps.

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

/** An encoded space: markdown keeps it at the end of a block (a plain one is trimmed), and renders it as a space. */
const SPACE = "&#32;";

/**
 * Markdown whose paragraphs, list items and table cells end with an encoded space, so that text extracted block
 * by block keeps the words apart. Headings (their text makes Redoc's anchors), code and HTML are kept as they are.
 * @param {string} markdown with each paragraph on one line ({@link unwrapSoftBreaks})
 * @returns {string}
 * @example
 * spaceBlockEnds("- short.\n- Send it\n\n| a | b |"); // "- short.&#32;\n- Send it&#32;\n\n| a&#32; | b&#32; |"
 */
export function spaceBlockEnds(markdown) {
  let fence = "";
  return markdown
    .split("\n")
    .map((line) => {
      const marker = /^\s*(```|~~~)/.exec(line)?.[1];
      if (fence || marker) {
        if (marker && (!fence || marker === fence)) fence = fence ? "" : marker;
        return line;
      }
      if (/^\s*\|/.test(line)) {
        if (/^\s*\|[\s:|-]+\|?\s*$/.test(line)) return line; // the delimiter row
        return line.replace(/([^\s|\\])(\s*)(?=\|)/g, `$1${SPACE}$2`);
      }
      if (line.trim() === "" || /^\s*(#|<|>)|^ {4,}|( {2}|\\)$/.test(line) || BLOCK_END.test(line)) return line;
      return `${line}${SPACE}`;
    })
    .join("\n");
}

/**
 * A copy of an OpenAPI document (or any part of one) with every `description` unwrapped by
 * {@link unwrapSoftBreaks}, and its blocks spaced by {@link spaceBlockEnds} (not the servers', which Redoc prints
 * as plain text); nothing else changes.
 * @template T
 * @param {T} node
 * @param {boolean} [markdown] whether descriptions under `node` are markdown (false under `servers`)
 * @returns {T}
 */
export function withSoftBreaksUnwrapped(node, markdown = true) {
  if (Array.isArray(node)) return /** @type {T} */ (node.map((item) => withSoftBreaksUnwrapped(item, markdown)));
  if (!node || typeof node !== "object") return node;
  /** @param {string} text */
  const rewrite = (text) => (markdown ? spaceBlockEnds(unwrapSoftBreaks(text)) : unwrapSoftBreaks(text));
  return /** @type {T} */ (
    Object.fromEntries(
      Object.entries(node).map(([key, value]) => [
        key,
        key === "description" && typeof value === "string"
          ? rewrite(value)
          : withSoftBreaksUnwrapped(value, markdown && key !== "servers"),
      ]),
    )
  );
}
