import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createStaticServer, listen } from "./static-server.mjs";

const root = mkdtempSync(join(tmpdir(), "static-"));
const site = join(root, "site");
let server: Server;
let base: string;

beforeAll(async () => {
  mkdirSync(join(site, "guides"), { recursive: true });
  writeFileSync(join(site, "index.html"), "<body>home</body>");
  writeFileSync(join(site, "guides", "index.html"), "<body>guides</body>");
  writeFileSync(join(site, "logo.svg"), "<svg/>");
  writeFileSync(join(root, "secret.txt"), "outside the site");
  server = createStaticServer(site, { transformHtml: (html) => html.replace("</body>", "!</body>") });
  base = await listen(server, 0);
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(root, { recursive: true, force: true });
});

/** A raw request, so paths like /../ reach the server unnormalized. */
function get(path: string, method = "GET") {
  return new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
    const req = request(new URL(base), { path, method }, (res) => {
      let body = "";
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, type: res.headers["content-type"] ?? "", body }));
    });
    req.on("error", reject).end();
  });
}

test("it listens on loopback, on the free port it was given", () => {
  expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  expect(base).not.toBe("http://127.0.0.1:0/");
});

test("it serves files with their type, and index.html for / and folders, through transformHtml", async () => {
  expect(await get("/")).toEqual({ status: 200, type: "text/html; charset=utf-8", body: "<body>home!</body>" });
  expect((await get("/guides/")).body).toBe("<body>guides!</body>");
  expect(await get("/logo.svg")).toEqual({ status: 200, type: "image/svg+xml", body: "<svg/>" });
  expect(await get("/logo.svg", "HEAD")).toMatchObject({ status: 200, body: "" });
});

test("it answers 404 for missing files, paths outside the site and malformed escapes", async () => {
  expect((await get("/missing.html")).status).toBe(404);
  expect((await get("/../secret.txt")).status).toBe(404);
  expect((await get("/%2e%2e/secret.txt")).status).toBe(404);
  expect((await get("/%E0%A4%A")).status).toBe(404);
});

test("it refuses methods other than GET and HEAD", async () => {
  expect((await get("/", "POST")).status).toBe(405);
});
