// The GitHub Actions workflows (.github/workflows/) cannot run here: each one is parsed and checked with GitHub's
// own workflow parser (@actions/workflow-parser, the schema and expression checks of the Actions language
// services), and the facts the release and the docs depend on are checked on the parsed result.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from "@actions/workflow-parser";
import { expect, test } from "vitest";
import { parse } from "yaml";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
const workflowsDir = join(repoRoot, ".github", "workflows");

/** The errors GitHub's parser finds in a workflow file's text (schema, expressions, job graph). */
async function check(name: string, content: string): Promise<string[]> {
  const parsed = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  const errors = parsed.context.errors.getErrors().map((e) => e.message);
  if (parsed.value === undefined) return errors;
  const template = await convertWorkflowTemplate(parsed.context, parsed.value);
  return [...errors, ...(template.errors ?? []).map((e) => e.Message)];
}

const files = readdirSync(workflowsDir).filter((f) => /\.ya?ml$/.test(f));
const workflow = (file: string) => parse(readFileSync(join(workflowsDir, file), "utf8"));

test("the workflows are CI, release and docs", () => {
  expect(files.sort()).toEqual(["ci.yml", "docs.yml", "release.yml"]);
});

test.each(files)("%s is a valid workflow for GitHub's parser", async (file) => {
  expect(await check(file, readFileSync(join(workflowsDir, file), "utf8"))).toEqual([]);
});

test("the checker catches what it must: a misspelt permission, an unknown context", async () => {
  const bad = [
    "on: push",
    "jobs:",
    "  a:",
    "    runs-on: ubuntu-latest",
    "    permissions:",
    "      id-tokn: write",
    "    steps:",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a template literal.
    "      - run: echo ${{ foo.bar }}",
  ].join("\n");
  const errors = (await check("bad.yml", bad)).join("\n");
  expect(errors).toMatch(/id-tokn/);
  expect(errors).toMatch(/Unrecognized named-value: 'foo'/);
});

test("CI runs .ci/run, on pushes to main and on pull requests", () => {
  const ci = workflow("ci.yml");
  expect(Object.keys(ci.on)).toEqual(expect.arrayContaining(["push", "pull_request"]));
  expect(ci.on.push.branches).toEqual(["main"]);
  const steps = ci.jobs.test.steps.map((s: { run?: string }) => s.run?.trim());
  expect(steps.at(-1)).toBe("bash .ci/run");
  expect(ci.jobs.test["timeout-minutes"]).toBeLessThanOrEqual(90);
});

test("release: changesets/action versions, then publishes with npm provenance once CI passed on main", () => {
  const release = workflow("release.yml");
  expect(release.on.workflow_run).toMatchObject({ workflows: ["CI"], types: ["completed"], branches: ["main"] });
  expect(release.permissions).toMatchObject({ "id-token": "write", contents: "write", "pull-requests": "write" });
  const action = release.jobs.release.steps.find((s: { uses?: string }) => s.uses?.startsWith("changesets/action@"));
  expect(action.with).toMatchObject({ version: "pnpm changeset version", publish: "pnpm release --skip-tests" });
  expect(action.env.NPM_CONFIG_PROVENANCE).toBe("true");
  // The scripts it names exist at the root.
  const scripts = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")).scripts;
  expect(scripts.changeset).toBeDefined();
  expect(scripts.release).toBe("node scripts/release.mjs");
});

test("docs: builds apps/docs, keeps each release under v/<version>/ with the latest at the root, deploys to Pages", () => {
  const docs = workflow("docs.yml");
  expect(docs.on.push.tags).toEqual(["@iot-jobs/client@*"]);
  expect(docs.permissions).toMatchObject({ pages: "write", "id-token": "write" });
  const steps: { uses?: string; run?: string; with?: Record<string, string> }[] = docs.jobs.deploy.steps;
  const runs = steps.map((s) => s.run ?? "").join("\n");
  expect(runs).toContain("--filter=@iot-jobs/docs...");
  expect(runs).toContain("node apps/docs/scripts/pages.mjs --site site --version");
  expect(steps.find((s) => s.uses?.startsWith("actions/upload-pages-artifact@"))?.with).toEqual({ path: "site" });
  expect(steps.at(-1)?.uses).toMatch(/^actions\/deploy-pages@/);
});

test.each(["client", "mocks"])("@iot-jobs/%s points at the published docs: homepage and README", (name) => {
  const dir = join(repoRoot, "packages", name);
  const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  // GitHub Pages of the repository: https://<owner>.github.io/<repo>/, where docs.yml deploys.
  const [, owner, repo] = /github\.com\/([^/]+)\/([^/.]+)(?:\.git)?$/.exec(manifest.repository.url) ?? [];
  const published = `https://${owner}.github.io/${repo}/`;
  expect(manifest.homepage).toBe(published);
  expect(readFileSync(join(dir, "README.md"), "utf8")).toContain(`(${published})`);
});
