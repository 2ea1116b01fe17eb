import { createRequire } from "node:module";
import { expect, test } from "vitest";
import { withPlainServerDescriptions } from "./servers.mjs";

const spec = createRequire(import.meta.url)("@iot-jobs/spec/openapi.json");

test("descriptions of servers and their variables lose their code marks and keep their words", () => {
  expect(JSON.stringify(spec.servers)).toContain("`");
  const out = withPlainServerDescriptions(spec);
  expect(JSON.stringify(out.servers)).not.toContain("`");
  const unmarked = JSON.parse(JSON.stringify(spec.servers).replaceAll("`", ""), (key, value) =>
    key === "description" ? value.trim() : value,
  );
  expect(out.servers).toEqual(unmarked);
  expect(out.paths).toBe(spec.paths);
  expect(spec.servers[0].description).toContain("`");
});

test("a document without servers, or servers without descriptions, is left as it is", () => {
  const bare = { openapi: "3.1.0" };
  expect(withPlainServerDescriptions(bare)).toBe(bare);
  const servers = [{ url: "https://{h}", variables: { h: { default: "x" } } }];
  expect(withPlainServerDescriptions({ servers }).servers).toEqual(servers);
});
