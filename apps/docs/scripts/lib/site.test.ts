import { expect, test } from "vitest";
import { inlineScriptHashes } from "./csp.mjs";
import { finishPage, PAGES, siteHeader } from "./site.mjs";

const template = [
  "<head>",
  "<!-- @csp: the policy goes here -->",
  "</head><body>",
  "<!-- @site-header: the header goes here -->",
  "<script>hydrate($1)</script>",
  "</body>",
].join("\n");

test("siteHeader links every page and marks the current one", () => {
  const header = siteHeader("index.html");
  for (const page of PAGES) expect(header).toContain(`href="${page.file}"`);
  expect(header).toContain('<a href="index.html" aria-current="page">API reference</a>');
  expect(header).toContain('<img src="logo.svg"');
  expect(siteHeader("other.html")).not.toContain("aria-current");
});

test("finishPage inserts the header and a policy that lists the page's inline scripts", () => {
  const html = finishPage(template, { file: "index.html" });
  expect(html).toContain(siteHeader("index.html"));
  expect(html).not.toContain("<!-- @");
  const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
  expect(policy).toBeDefined();
  for (const hash of inlineScriptHashes(html)) expect(policy).toContain(hash);
  // `$1` in the page is text, not a replacement pattern.
  expect(html).toContain("hydrate($1)");
});

test("finishPage adds a page's own sources to its policy, and marks that page in the header", () => {
  const html = finishPage(template, { file: "playground.html", csp: { "connect-src": ["https://example.test"] } });
  expect(html).toContain("connect-src 'self' https://example.test;");
  expect(html).toContain('<a href="playground.html" aria-current="page">Playground</a>');
  expect(finishPage(template, { file: "index.html" })).not.toContain("example.test");
});

test("finishPage fails on a template without, or with two of, a marker", () => {
  expect(() => finishPage(template.replace(/<!-- @csp[^>]*-->/, ""), { file: "index.html" })).toThrow(
    "the page template must hold one <!-- @csp --> marker, found 0",
  );
  const twice = template.replace("</body>", "<!-- @site-header -->\n</body>");
  expect(() => finishPage(twice, { file: "index.html" })).toThrow("<!-- @site-header --> marker, found 2");
});
