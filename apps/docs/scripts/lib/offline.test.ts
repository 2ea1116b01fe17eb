import { expect, test } from "vitest";
import { localizeRedocImages, REDOC_REMOTE_IMAGES } from "./offline.mjs";

const [full = "", mini = ""] = REDOC_REMOTE_IMAGES.keys();
const [fullLocal, miniLocal] = REDOC_REMOTE_IMAGES.values();
const bundle = `src:e?\`${full}\`:\`${mini}\``;

test("localizeRedocImages points Redoc's remote badge images at the local stand-ins", () => {
  const out = localizeRedocImages(`<script type="module">${bundle}</script>`);
  expect(out).toBe(`<script type="module">src:e?\`${fullLocal}\`:\`${miniLocal}\`</script>`);
  expect(out).not.toContain("https://");
});

test("localizeRedocImages fails when the bundle no longer references an image it replaces", () => {
  expect(() => localizeRedocImages(`src:\`${full}\``)).toThrow(`no longer references ${mini}`);
});

test("localizeRedocImages refuses a page that imports Redoc from the CDN", () => {
  const cdn = 'import { hydrate } from "https://cdn.redocly.com/redoc/v3.0.1/bundles/redoc.standalone.js";';
  expect(() => localizeRedocImages(cdn + bundle)).toThrow("--inlineBundle");
});
