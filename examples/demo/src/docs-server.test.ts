import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { serveDocs } from "./docs-server.mjs";

let root: string;
let docs: Awaited<ReturnType<typeof serveDocs>>;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "iot-jobs-docs-server-"));
  await mkdir(join(root, "site"));
  await writeFile(join(root, "site/index.html"), "<h1>reference</h1>");
  await writeFile(join(root, "site/site.css"), "h1 { color: teal }");
  await writeFile(join(root, "secret.txt"), "outside the served folder");
  docs = await serveDocs(join(root, "site"), 0);
});
afterAll(async () => {
  await docs.close();
  await rm(root, { recursive: true, force: true });
});

test("serves index.html at / on loopback, and files with their type", async () => {
  expect(docs.url).toBe(`http://127.0.0.1:${docs.port}/`);
  const page = await fetch(docs.url);
  expect(page.status).toBe(200);
  expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
  expect(await page.text()).toBe("<h1>reference</h1>");
  const css = await fetch(`${docs.url}site.css`);
  expect(css.headers.get("content-type")).toBe("text/css; charset=utf-8");
});

test("HEAD answers without a body; other methods get 405", async () => {
  const head = await fetch(docs.url, { method: "HEAD" });
  expect(head.status).toBe(200);
  expect(await head.text()).toBe("");
  expect((await fetch(docs.url, { method: "POST" })).status).toBe(405);
});

test("nothing outside the folder, nothing missing, no malformed path", async () => {
  for (const path of ["%2e%2e/secret.txt", "..%2fsecret.txt", "missing.html", "%E0%A4%A"]) {
    expect((await fetch(`${docs.url}${path}`)).status, path).toBe(404);
  }
});

test("a taken port is an EADDRINUSE error (the caller falls back)", async () => {
  await expect(serveDocs(join(root, "site"), docs.port)).rejects.toMatchObject({ code: "EADDRINUSE" });
});
