// @ts-check
// What every page of the site shares: the header (brand and navigation) and the Content-Security-Policy.
// A page's template holds two markers, `<!-- @csp… -->` at the top of <head> and `<!-- @site-header… -->`
// at the top of <body>; finishPage fills them in once the page is rendered.
import { contentSecurityPolicy, inlineScriptHashes } from "./csp.mjs";

/** The pages of the site, in navigation order. A page beside the reference gets an entry here. */
export const PAGES = [
  { file: "index.html", label: "API reference" },
  { file: "playground.html", label: "Playground" },
];

/** The site's name, shown in the header beside the logo. */
export const SITE_NAME = "iot-jobs";

/**
 * The phone menu (assets/site.css): on a narrow screen the navigation folds behind a "Menu" button that this
 * script reveals and toggles (a disclosure: `aria-expanded` says whether the links show; Escape folds them).
 * Without scripts the button stays hidden and the links stay in the header, scrolling sideways.
 * It runs under the pages' policy by its hash, as every inline script does (finishPage).
 */
export const MENU_SCRIPT = [
  "{",
  '  const header = document.querySelector(".site-header");',
  '  const button = header.querySelector(".site-menu-button");',
  '  const set = (open) => button.setAttribute("aria-expanded", String(open));',
  '  button.addEventListener("click", () => set(button.getAttribute("aria-expanded") !== "true"));',
  '  header.addEventListener("keydown", (e) => { if (e.key === "Escape") { set(false); button.focus(); } });',
  '  document.addEventListener("click", (e) => { if (!header.contains(e.target)) set(false); });',
  "  button.hidden = false;",
  '  header.classList.add("site-header-menu");',
  "}",
].join("\n");

/**
 * The header, with the current page marked for assistive technology and styling.
 * @param {string} current the file name of the page being rendered, e.g. "index.html"
 * @returns {string}
 */
export function siteHeader(current) {
  const links = PAGES.map(({ file, label }) => {
    const here = file === current ? ' aria-current="page"' : "";
    return `<a href="${file}"${here}>${label}</a>`;
  });
  return [
    '<header class="site-header">',
    `  <a class="site-brand" href="index.html"><img src="logo.svg" alt="" width="32" height="32">${SITE_NAME}`,
    "    <small>ListJobExecutionsForJob</small></a>",
    '  <button class="site-menu-button" type="button" aria-expanded="false" aria-controls="site-nav" hidden>Menu</button>',
    `  <nav id="site-nav" class="site-nav" aria-label="Site">${links.join("")}<a href="openapi.yaml" download>OpenAPI</a></nav>`,
    `  <script>${MENU_SCRIPT}</script>`,
    "</header>",
  ].join("\n");
}

/**
 * Fills in a rendered page's markers: the header, then the policy (last, so it hashes the final scripts).
 * @param {string} html
 * @param {{ file: string, csp?: Partial<Record<string, string[]>> }} page `csp`: sources the page adds to the
 *   shared policy, by directive
 * @returns {string}
 */
export function finishPage(html, { file, csp }) {
  const withHeader = replaceMarker(html, "site-header", siteHeader(file));
  const policy = contentSecurityPolicy(inlineScriptHashes(withHeader), csp);
  return replaceMarker(withHeader, "csp", `<meta http-equiv="Content-Security-Policy" content="${policy}">`);
}

/**
 * @param {string} html
 * @param {string} name
 * @param {string} replacement
 */
function replaceMarker(html, name, replacement) {
  const marker = new RegExp(`<!-- @${name}\\b[^>]*-->`, "g");
  const found = html.match(marker)?.length ?? 0;
  if (found !== 1) throw new Error(`the page template must hold one <!-- @${name} --> marker, found ${found}`);
  // A function replacement, so `$` in the inserted text is never read as a pattern.
  return html.replace(marker, () => replacement);
}
