// @ts-check
// The Content-Security-Policy of every page: nothing may load from outside the site's own folder. Inline
// scripts (Redoc's bundle, its colour-mode snippet) are allowed by their SHA-256 hash, computed after the
// page is rendered, so no other inline script can run. Inline styles are allowed: Redoc's CSS-in-JS
// creates them at run time, and they load nothing.
import { createHash } from "node:crypto";

/**
 * The SHA-256 sources (`'sha256-…'`) of the inline scripts of a page, in order of appearance.
 * @param {string} html
 * @returns {string[]}
 */
export function inlineScriptHashes(html) {
  const hashes = [];
  // Redoc escapes `</script` inside its scripts, so the first closing tag after an opening one ends it.
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const [, attributes = "", body = ""] = match;
    if (/\bsrc\s*=/i.test(attributes)) continue;
    hashes.push(`'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`);
  }
  return hashes;
}

/**
 * The policy. `'self'` is the site's own origin (local scripts, such as the playground bundle, are allowed);
 * `data:`/`blob:` images are what Redoc generates. `frame-ancestors` and reporting are not allowed in a
 * `<meta>` policy, so they are left to the host's headers. A page may add sources to a directive (`extra`):
 * each addition is the page's own, stated where the page is built.
 * @param {string[]} scriptHashes
 * @param {Partial<Record<string, string[]>>} [extra] sources to add, by directive, e.g. `{ "script-src": [...] }`
 * @returns {string}
 */
export function contentSecurityPolicy(scriptHashes, extra = {}) {
  const directives = [
    "default-src 'none'",
    // 'report-sample' puts the start of refused code into violation reports, so tests can tell them apart.
    `script-src 'self' 'report-sample' ${scriptHashes.join(" ")}`.trim(),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ];
  for (const directive of Object.keys(extra)) {
    if (!directives.some((d) => d.split(" ")[0] === directive)) throw new Error(`no ${directive} in the policy`);
  }
  return directives.map((d) => [d, ...(extra[d.split(" ")[0] ?? ""] ?? [])].join(" ")).join("; ");
}
