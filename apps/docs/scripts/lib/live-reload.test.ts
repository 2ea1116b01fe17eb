import { createServer, get, type Server } from "node:http";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createLiveReload } from "./live-reload.mjs";
import { listen } from "./static-server.mjs";

const live = createLiveReload();
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (!live.handle(req, res)) res.writeHead(404).end();
  });
  base = await listen(server, 0);
});

afterAll(async () => {
  live.close();
  await new Promise((resolve) => server.close(resolve));
});

test("inject adds the client before the last </body>, leaving scripts that contain the text alone", () => {
  const page = '<body><script>const t = "</body>";</script></body>';
  expect(live.inject(page)).toBe(
    '<body><script>const t = "</body>";</script><script src="/__dev/reload.js"></script>\n</body>',
  );
});

test("the client script is served, and subscribers receive reload and build-error events", async () => {
  const client = await fetch(new URL("/__dev/reload.js", base));
  expect(client.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
  expect(await client.text()).toContain('new EventSource("/__dev/events")');

  const received = new Promise<string>((resolve) => {
    get(new URL("/__dev/events", base), (res) => {
      let text = "";
      res.on("data", (chunk) => {
        text += chunk;
        if (text.includes("connected")) {
          live.send("build-error", "guides/x.md: no title");
          live.send("reload");
        }
        if (text.includes("event: reload")) resolve(text);
      });
    });
  });
  expect(await received).toBe(
    ': connected\n\nevent: build-error\ndata: "guides/x.md: no title"\n\nevent: reload\ndata: ""\n\n',
  );
});

test("other paths are left to the static server", async () => {
  expect((await fetch(new URL("/index.html", base))).status).toBe(404);
});
