// Fast checks of the built site, without a browser: nothing in its pages points outside its own folder, and
// everything they point to is in it. test/e2e proves the same in Chromium, with the pages' scripts running.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { expect, test } from "vitest";
import { PAGES } from "../scripts/lib/site.mjs";
import { builtFiles, distDir, readBuilt } from "./built-site.js";

const pages = PAGES.map((page) => page.file);

/** A reference that leaves the site: a scheme (http:, https:, ftp:...) or a protocol-relative `//host`. */
const REMOTE = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;
/** Schemes that load nothing from anywhere. */
const INLINE = /^(?:data|blob):/i;

/** The page without the bodies of its inline scripts and styles (JavaScript is the browser test's job). */
function markupOf(html: string): string {
  return html.replace(/(<(script|style)\b[^>]*>)[\s\S]*?(<\/\2>)/gi, "$1$3");
}

/** [tag, attribute, value] of every attribute that makes the browser load something. */
function loadingReferences(html: string): [string, string, string][] {
  const refs: [string, string, string][] = [];
  for (const [, tag = "", attributes = ""] of markupOf(html).matchAll(/<([a-z][\w-]*)\b([^>]*)>/gi)) {
    for (const [, name = "", value = ""] of attributes.matchAll(/\s([\w:-]+)\s*=\s*"([^"]*)"/g)) {
      const loads = ["src", "srcset", "poster", "data", "background", "xlink:href"].includes(name.toLowerCase());
      // <a href> navigates, it loads nothing; every <link href> (stylesheet, icon, preload...) loads.
      if (loads || (name.toLowerCase() === "href" && tag.toLowerCase() === "link")) refs.push([tag, name, value]);
    }
  }
  return refs;
}

test.each(pages)("%s loads no script, style, image or font from outside its own folder", (file) => {
  const html = readBuilt(file);
  const refs = loadingReferences(html);
  expect(refs.map(([tag, name]) => `${tag} ${name}`)).toEqual(expect.arrayContaining(["link href", "img src"]));
  const remote = refs.filter(([, , value]) => REMOTE.test(value) && !INLINE.test(value));
  expect(remote).toEqual([]);
  // CSS can load too: inline style attributes and blocks, and the site's style sheets.
  const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => m[1] ?? "");
  styles.push(...[...markupOf(html).matchAll(/\sstyle="([^"]*)"/g)].map((m) => m[1] ?? ""));
  styles.push(
    ...builtFiles()
      .filter((f) => f.endsWith(".css"))
      .map(readBuilt),
  );
  for (const css of styles) {
    expect(css).not.toMatch(/@import\s/);
    for (const [, url = ""] of css.matchAll(/url\(\s*["']?([^"')]*)/g)) expect(url).not.toMatch(/^(?:https?:)?\/\//);
  }
});

test.each(pages)("everything %s loads from its own folder is in the build", (file) => {
  const local = loadingReferences(readBuilt(file))
    .map(([, , value]) => value.split(/[?#]/)[0] ?? "")
    .filter((value) => value && !REMOTE.test(value));
  expect(local.length).toBeGreaterThan(0);
  for (const file of new Set(local)) expect(existsSync(join(distDir, file)), file).toBe(true);
});

test("the images of the site reference nothing outside it", () => {
  for (const file of builtFiles().filter((f) => f.endsWith(".svg"))) {
    const svg = readBuilt(file);
    // xmlns names a namespace; any other URL attribute, or an <image>, would be a load.
    const urls = [...svg.matchAll(/\s(?!xmlns)[\w:-]+="((?:https?:)?\/\/[^"]*)"/g)].map((m) => m[1]);
    expect(urls, file).toEqual([]);
    expect(svg, file).not.toMatch(/<image\b|@import|url\(/);
  }
});

test.each(pages)("%s carries a Content-Security-Policy that allows no other origin, before any script", (file) => {
  const html = readBuilt(file);
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html);
  expect(meta).not.toBeNull();
  const policy = meta?.[1] ?? "";
  expect(policy).toContain("default-src 'none'");
  expect(policy).toContain("connect-src 'self';");
  expect(policy).not.toMatch(/https?:|\*/);
  // No page may evaluate code, the playground included: the mocks' validators are precompiled (no new Function()).
  expect(policy, file).not.toContain("'unsafe-eval'");
  const scriptSrc = policy.split("; ").find((d) => d.startsWith("script-src "));
  expect(scriptSrc, file).toMatch(/^script-src 'self' 'report-sample'( 'sha256-[\w+/=]+')*$/);
  expect(html.indexOf(meta?.[0] ?? "")).toBeLessThan(html.search(/<script\b/i));
});

test.each(pages)("%s has the site header, linking every page", (file) => {
  const html = readBuilt(file);
  for (const page of pages) expect(html).toContain(`href="${page}"`);
  expect(html).toMatch(new RegExp(`<a href="${file}" aria-current="page">`));
});

test("the playground's script and MSW's worker script are in the site, the worker of the installed msw", () => {
  const html = readBuilt("playground.html");
  expect(html).toContain('<script type="module" src="playground.js"></script>');
  expect(readBuilt("playground.js").length).toBeGreaterThan(0);
  const msw = createRequire(import.meta.url)("msw/package.json");
  expect(readBuilt("mockServiceWorker.js")).toContain(`const PACKAGE_VERSION = '${msw.version}'`);
});

test("the downloadable spec is the bundled spec alone, without the guides", () => {
  const yaml = readBuilt("openapi.yaml");
  expect(yaml).toMatch(/^openapi: 3\.1\.\d/);
  expect(yaml).toContain("operationId: ListJobExecutionsForJob");
  // Bundled: the examples are inside, not $refs to files beside the spec.
  expect(yaml).not.toMatch(/\$ref: ['"]?\.\//);
  expect(yaml).not.toContain("x-traitTag");
  expect(yaml).not.toContain("x-tagGroups");
});
