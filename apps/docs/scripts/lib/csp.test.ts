import { expect, test } from "vitest";
import { contentSecurityPolicy, inlineScriptHashes } from "./csp.mjs";

test("inlineScriptHashes hashes each inline script's text, skipping scripts loaded by src", () => {
  const html = [
    "<script>alert(1)</script>",
    '<script src="app.js"></script>',
    '<script type="module"></script>',
    "<div hidden><SCRIPT>alert(1)</SCRIPT></div>",
  ].join("\n");
  // Known answers: SHA-256 of "alert(1)" and of the empty string, base64.
  expect(inlineScriptHashes(html)).toEqual([
    "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='",
    "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='",
    "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='",
  ]);
});

test("inlineScriptHashes ends a script at its first closing tag", () => {
  // Redoc writes `<\/script` inside its scripts, so this is the only way a script body can end.
  expect(inlineScriptHashes("<script>alert(1)</script>x</script>")).toHaveLength(1);
});

test("the policy allows only the page's own folder, its hashed scripts and inline styles", () => {
  const policy = contentSecurityPolicy(["'sha256-abc='"]);
  const directives = new Map(policy.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));
  expect(directives.get("default-src")).toEqual(["'none'"]);
  expect(directives.get("script-src")).toEqual(["'self'", "'report-sample'", "'sha256-abc='"]);
  expect(directives.get("object-src")).toEqual(["'none'"]);
  expect(directives.get("base-uri")).toEqual(["'none'"]);
  expect(policy).not.toMatch(/https?:|\*|'unsafe-eval'/);
  // Not allowed in a <meta> policy: Chromium would log an error for them.
  expect(policy).not.toMatch(/frame-ancestors|report-uri|sandbox/);
});

test("a page adds sources to a directive of the shared policy, and only to one it has", () => {
  const policy = contentSecurityPolicy([], { "img-src": ["https://img.example.test"] });
  expect(policy).toContain("img-src 'self' data: blob: https://img.example.test;");
  expect(policy.replace(" https://img.example.test", "")).toBe(contentSecurityPolicy([]));
  expect(() => contentSecurityPolicy([], { "script-src-elem": ["'self'"] })).toThrow(
    "no script-src-elem in the policy",
  );
});
