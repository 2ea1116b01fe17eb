// @ts-check
// Keeps the rendered page free of remote loads. `--inlineBundle` puts Redoc's script into the page, but
// the bundle still shows an "API docs by Redocly" badge whose images come from Redocly's CDN; they are
// pointed at local stand-ins (assets/redoc-*.svg). Everything here fails loudly when a Redocly upgrade
// changes what it references, rather than letting a remote load slip into the site.

/** Remote images the Redoc 3 bundle shows, and the local file (in assets/) that replaces each. */
export const REDOC_REMOTE_IMAGES = new Map([
  ["https://cdn.redoc.ly/redoc/logo-mini-full.svg", "redoc-full.svg"],
  ["https://cdn.redoc.ly/redoc/logo-mini.svg", "redoc-mini.svg"],
]);

/** What the page imports Redoc from when build-docs runs without `--inlineBundle`. */
const CDN_BUNDLE = /https:\/\/cdn\.redocly\.com\/redoc\/[^"'`\s]*redoc\.standalone\.js/;

/**
 * Replaces Redoc's remote images by their local stand-ins.
 * @param {string} html a page rendered by `redocly build-docs --inlineBundle`
 * @returns {string}
 */
export function localizeRedocImages(html) {
  if (CDN_BUNDLE.test(html)) throw new Error("the page loads Redoc from its CDN: render it with --inlineBundle");
  let out = html;
  for (const [remote, local] of REDOC_REMOTE_IMAGES) {
    if (!out.includes(remote)) {
      throw new Error(`the Redoc bundle no longer references ${remote}: check what it loads now (test/e2e)`);
    }
    out = out.replaceAll(remote, local);
  }
  return out;
}
