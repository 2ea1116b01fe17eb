import { expect, test } from "vitest";
import { spaceBlockEnds, unwrapSoftBreaks, withSoftBreaksUnwrapped } from "./soft-breaks.mjs";

test.each([
  [
    "a paragraph goes on one line",
    "only those in a given\n`status`. Follow\n`nextToken`.",
    "only those in a given `status`. Follow `nextToken`.",
  ],
  ["paragraphs stay apart", "one\ntwo\n\nthree\nfour", "one two\n\nthree four"],
  [
    "list items stay apart, their lines joined",
    "- one\n  more\n- two\n1. three\n   more",
    "- one more\n- two\n1. three more",
  ],
  [
    "headings, tables and quotes are kept",
    "# Title\ntext\n| a | b |\n| --- | --- |\n> quote\n> more",
    "# Title\ntext\n| a | b |\n| --- | --- |\n> quote\n> more",
  ],
  [
    "a fence is kept as it is",
    "text\n```ts\nconst a = 1;\nconst b = 2;\n```\nafter\nthat",
    "text\n```ts\nconst a = 1;\nconst b = 2;\n```\nafter that",
  ],
  ["a hard break is kept", "line one  \nline two\\\nline three", "line one  \nline two\\\nline three"],
  ["an indented code block is kept", "text\n\n    code one\n    code two", "text\n\n    code one\n    code two"],
  ["a thematic break is kept", "text\n---\nmore", "text\n---\nmore"],
])("%s", (_, given, want) => {
  expect(unwrapSoftBreaks(given)).toBe(want);
});

test.each([
  [
    "paragraphs and list items end with an encoded space",
    "one\n\n- two\n- three",
    "one&#32;\n\n- two&#32;\n- three&#32;",
  ],
  [
    "so does each table cell, not the delimiter row; an escaped pipe stays in its cell",
    "| a | `b` |\n| --- | :-: |\n| `x` \\| y | z |",
    "| a&#32; | `b`&#32; |\n| --- | :-: |\n| `x` \\| y&#32; | z&#32; |",
  ],
  [
    "headings (Redoc's anchors), code and hard breaks are kept",
    "## Head\n```ts\nconst a = 1;\n```\nline  \n    code",
    "## Head\n```ts\nconst a = 1;\n```\nline  \n    code",
  ],
])("spaceBlockEnds: %s", (_, given, want) => {
  expect(spaceBlockEnds(given)).toBe(want);
});

test("withSoftBreaksUnwrapped changes every description, servers' as plain text, and nothing else", () => {
  const doc = {
    info: { title: "a\nb", description: "a\nb" },
    servers: [{ url: "https://x", description: "plain\ntext", variables: { r: { description: "r\ns" } } }],
    paths: { "/x": { get: { description: "c\nd", parameters: [{ name: "p", description: "e\nf" }] } } },
    components: { schemas: { S: { properties: { description: { type: "string", description: "g\nh" } } } } },
  };
  expect(withSoftBreaksUnwrapped(doc)).toEqual({
    info: { title: "a\nb", description: "a b&#32;" },
    servers: [{ url: "https://x", description: "plain text", variables: { r: { description: "r s" } } }],
    paths: { "/x": { get: { description: "c d&#32;", parameters: [{ name: "p", description: "e f&#32;" }] } } },
    components: { schemas: { S: { properties: { description: { type: "string", description: "g h&#32;" } } } } },
  });
});
