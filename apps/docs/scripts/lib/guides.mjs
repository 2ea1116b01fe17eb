// @ts-check
// Guides are markdown pages beside the spec (guides/NN-name.md). They are composed into the rendered
// reference as Redoc "trait" tags (a tag that holds prose, never operations) grouped under "Guides", so
// spec/openapi.yaml stays the pure description of the API.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** @typedef {{ file: string, title: string, body: string }} Guide */

/** The sidebar groups: guides first, then every tag that holds operations. */
export const GUIDES_GROUP = "Guides";
export const REFERENCE_GROUP = "API reference";

/**
 * Reads the guides of a folder in file-name order. Each starts with a `# Title` line; `##` headings in the
 * body become entries under the guide in Redoc's sidebar.
 * @param {string} dir
 * @returns {Guide[]}
 */
export function readGuides(dir) {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith(".md"))
    .sort();
  return files.map((file) => parseGuide(file, readFileSync(join(dir, file), "utf8")));
}

/**
 * @param {string} file the file name, for error messages
 * @param {string} text the markdown
 * @returns {Guide}
 */
export function parseGuide(file, text) {
  const match = /^# (.+)\r?\n/.exec(text);
  if (!match?.[1]) throw new Error(`guides/${file}: the first line must be the guide's title, as "# Title"`);
  return { file, title: match[1].trim(), body: text.slice(match[0].length).trim() };
}

/**
 * A copy of an OpenAPI document with the guides added as trait tags, and `x-tagGroups` putting them before
 * the API reference. Fails if a guide's title is already a tag of the spec.
 * @param {Record<string, any>} document a bundled OpenAPI document
 * @param {Guide[]} guides
 * @returns {Record<string, any>}
 */
export function withGuides(document, guides) {
  /** @type {{ name: string }[]} */
  const specTags = document.tags ?? [];
  const taken = new Set([...specTags.map((tag) => tag.name), ...operationTags(document)]);
  for (const guide of guides) {
    if (taken.has(guide.title)) throw new Error(`guides/${guide.file}: the title "${guide.title}" is already a tag`);
  }
  const guideTags = guides.map((g) => ({ name: g.title, description: g.body, "x-traitTag": true }));
  return {
    ...document,
    tags: [...guideTags, ...specTags],
    "x-tagGroups": [
      { name: GUIDES_GROUP, tags: guides.map((g) => g.title) },
      { name: REFERENCE_GROUP, tags: [...taken] },
    ],
  };
}

/**
 * The tags operations use, in order of first use (a tag need not be declared under `tags`).
 * @param {Record<string, any>} document
 * @returns {Set<string>}
 */
function operationTags(document) {
  const tags = new Set();
  for (const item of Object.values(document.paths ?? {})) {
    for (const operation of Object.values(item)) {
      for (const tag of operation?.tags ?? []) tags.add(tag);
    }
  }
  return tags;
}
