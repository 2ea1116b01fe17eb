#!/usr/bin/env node
// @ts-check
/**
 * `pnpm release [--dry-run] [--skip-tests]`: builds, tests and publishes the public packages with changesets.
 *
 * The flow: `pnpm changeset` on each change, `pnpm changeset version` (bumps and CHANGELOGs) and a commit of that,
 * then `pnpm release` on a clean tree, then `git push --follow-tags`. A real release refuses a dirty tree and
 * pending changesets. `--dry-run` does every step except the network write: it reports pending changesets instead
 * of refusing, and publishes with `pnpm publish -r --dry-run` (packs and checks each public package; private ones
 * such as the docs app and the spec are never published). `--skip-tests` is for CI, where the suite just ran.
 */
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = fileURLToPath(new URL("..", import.meta.url));
const usage = "Usage: pnpm release [--dry-run] [--skip-tests]";

/** @returns {{ dryRun: boolean, skipTests: boolean }} */
function readArgs() {
  try {
    const { values } = parseArgs({
      options: { "dry-run": { type: "boolean", default: false }, "skip-tests": { type: "boolean", default: false } },
    });
    return { dryRun: values["dry-run"], skipTests: values["skip-tests"] };
  } catch (error) {
    console.error(`release: ${/** @type {Error} */ (error).message}\n${usage}`);
    process.exit(2);
  }
}

/**
 * Runs one step with the terminal attached; stops the release on failure.
 * @param {string} title
 * @param {string[]} command
 */
function step(title, command) {
  console.log(`\nrelease: ${title}: ${command.join(" ")}`);
  const { status } = spawnSync(command[0] ?? "", command.slice(1), { cwd: root, stdio: "inherit" });
  if (status !== 0) {
    console.error(`release: ${title} failed (exit ${status}); nothing was published`);
    process.exit(1);
  }
}

/** @param {string} message @param {boolean} dryRun */
function refuse(message, dryRun) {
  if (dryRun) console.warn(`release: warning: ${message} (a real release would stop here)`);
  else {
    console.error(`release: ${message}`);
    process.exit(1);
  }
}

const { dryRun, skipTests } = readArgs();
const pending = readdirSync(`${root}/.changeset`).filter((f) => f.endsWith(".md") && f !== "README.md");
if (pending.length > 0) {
  refuse(
    `${pending.length} pending changeset(s) (${pending.join(", ")}): run \`pnpm changeset version\` and commit`,
    dryRun,
  );
}
const dirty = spawnSync("git", ["status", "--porcelain"], { cwd: root, encoding: "utf8" });
if (dirty.status !== 0 || dirty.stdout.trim() !== "") {
  refuse(`the working tree is not clean (git status --porcelain):\n${dirty.stdout || dirty.stderr}`, dryRun);
}

step("build", ["pnpm", "run", "build"]);
if (skipTests) console.log("\nrelease: test: skipped (--skip-tests)");
else step("test", ["pnpm", "run", "test"]);
if (dryRun) {
  // --force: pack and check every public package even if its version is on the registry already.
  step("publish (dry run)", ["pnpm", "publish", "-r", "--dry-run", "--force", "--no-git-checks", "--access", "public"]);
  console.log("\nrelease: dry run done: nothing was published, no tag was made");
} else {
  step("publish", ["pnpm", "exec", "changeset", "publish"]);
  console.log("\nrelease: published; push the release commit and its tags: git push --follow-tags");
}
